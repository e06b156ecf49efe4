package io.chunkstate.conformance;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** Every wire type of SPEC §4, and both kinds of sub-chunk field. */
@Chunk("EvRy")
public record Everything(
    boolean flag,
    byte b,
    short s,
    char c,
    int i,
    long l,
    float f,
    double d,
    Boolean boxedFlag,
    Byte boxedByte,
    Short boxedShort,
    Character boxedChar,
    Integer boxedInt,
    Long boxedLong,
    Float boxedFloat,
    Double boxedDouble,
    String text,
    Shade shade,
    byte[] bytes,
    boolean[] flags,
    short[] shorts,
    char[] chars,
    int[] ints,
    long[] longs,
    float[] floats,
    double[] doubles,
    String[] texts,
    Shade[] shades,
    int[][] matrix,
    Pair[] pairs,
    List<String> tags,
    List<Integer> counts,
    List<Double> readings,
    List<Shade> shadeList,
    List<byte[]> blobs,
    List<List<String>> nested,
    List<Pair> pairList,
    Pair pair,
    Gauge gauge,
    List<Note> notes) {}

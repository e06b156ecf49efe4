package example;

import io.chunkstate.annotation.Chunk;
import java.util.BitSet;
import java.util.List;

/** Every wire type of SPEC §4 that travels inline. */
@Chunk("ScAl")
public record Scalars(
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
    Mode mode,
    byte[] bytes,
    boolean[] flags,
    short[] shorts,
    char[] chars,
    int[] ints,
    long[] longs,
    float[] floats,
    double[] doubles,
    String[] names,
    Mode[] modes,
    int[][] matrix,
    List<String> tags,
    List<Integer> counts,
    List<Mode> modeList,
    List<long[]> samples,
    List<List<String>> nested,
    Point origin,
    Point[] corners,
    List<Point> path,
    Span span,
    BitSet pending,
    List<BitSet> masks) {}

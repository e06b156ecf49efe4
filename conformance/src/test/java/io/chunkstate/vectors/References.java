package io.chunkstate.vectors;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** Strings, arrays, a list, boxed values and an enum, as the vectors encode them. */
@Chunk("ReFs")
public record References(
    String name,
    String missing,
    byte[] blob,
    int[] ints,
    List<String> tags,
    Integer boxed,
    Integer none,
    Mode mode) {}

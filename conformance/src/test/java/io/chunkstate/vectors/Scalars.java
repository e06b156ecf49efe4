package io.chunkstate.vectors;

import io.chunkstate.annotation.Chunk;

/** The eight primitives, as the vectors encode them. */
@Chunk("VeCt")
public record Scalars(boolean flag, byte b, short s, char c, int i, long l, float f, double d) {}

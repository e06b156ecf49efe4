package io.chunkstate.vectors;

import io.chunkstate.annotation.Chunk;

/** An ancillary sub-chunk of the vectors. */
@Chunk("chLd")
public record Child(int value) {}

package io.chunkstate.vectors;

import io.chunkstate.annotation.Chunk;

/** An ancillary sub-chunk of the vectors, held in a list. */
@Chunk("leAf")
public record Leaf(int value) {}

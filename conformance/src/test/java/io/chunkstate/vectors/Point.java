package io.chunkstate.vectors;

import io.chunkstate.annotation.ChunkStruct;

/** A struct of the vectors. */
@ChunkStruct
public record Point(int x, int y) {}

package io.chunkstate.conformance;

import io.chunkstate.annotation.ChunkStruct;

/** A struct with a reference field. */
@ChunkStruct
public record Pair(int left, String right) {}

package io.chunkstate.conformance;

import io.chunkstate.annotation.Chunk;

/** An ancillary sub-chunk, held in a list. */
@Chunk("noTe")
public record Note(long at, String text) {}

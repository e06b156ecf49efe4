package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;

/** A legacy interrupt line, embedded inline in the device that owns it. */
@ChunkStruct
public record InterruptLine(int gsi, boolean levelTriggered, boolean asserted) {}

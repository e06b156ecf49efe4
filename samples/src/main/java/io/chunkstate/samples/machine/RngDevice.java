package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;

/** A virtio entropy device: how much it has served, and its seed as an ancillary sub-chunk. */
@Chunk("RnGd")
public record RngDevice(boolean ready, long bytesServed, RngSeed seed) {}

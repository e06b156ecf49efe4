package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/** A virtio entropy device: how much it has served, and its seed as an ancillary sub-chunk. */
@Chunk("VrNG")
public record Rng(long bytesServed, RngSeed seed) {}

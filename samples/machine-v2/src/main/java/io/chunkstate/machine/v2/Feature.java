package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/**
 * The state of the PCI device's new offload feature, new in version 2. Critical ({@code V}): a
 * destination that does not know it would run the device without the feature the guest relies on,
 * so it must refuse. Present only while the guest uses the feature, so that a version 1
 * destination still accepts a guest that does not.
 */
@Chunk("VfEA")
public record Feature(int mode, long operations) {}

package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/**
 * A PCI function: address, IDs, configuration space, base address registers, its MSI-X table,
 * which is null while MSI-X is disabled, and, new in version 2, the state of its offload feature,
 * which is null while the guest does not use it.
 */
@Chunk("VpCI")
public record PciDevice(
    String address,
    short vendorId,
    short deviceId,
    byte[] configSpace,
    long[] bars,
    MsixTable msix,
    Feature feature) {}

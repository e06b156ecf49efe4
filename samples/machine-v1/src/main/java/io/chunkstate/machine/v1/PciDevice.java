package io.chunkstate.machine.v1;

import io.chunkstate.annotation.Chunk;

/**
 * A PCI function: address, IDs, configuration space, base address registers, and its MSI-X table,
 * which is null while MSI-X is disabled.
 */
@Chunk("VpCI")
public record PciDevice(
    String address,
    short vendorId,
    short deviceId,
    byte[] configSpace,
    long[] bars,
    MsixTable msix) {}

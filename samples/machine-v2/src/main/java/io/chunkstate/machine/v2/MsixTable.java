package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/**
 * The MSI-X table of the PCI device. Critical ({@code V}): a destination that does not know it
 * must refuse rather than lose the device's interrupts. Present only while MSI-X is enabled.
 */
@Chunk("VmSX")
public record MsixTable(boolean functionMasked, long[] addresses, int[] data) {}

package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkBase;
import io.chunkstate.annotation.FixedLength;
import io.chunkstate.annotation.Unsigned;

/**
 * What every PCI function has, as QEMU's {@code PCIDevice} is the {@code parent_obj} of a PCI
 * device model: its vendor and device IDs (unsigned 16-bit values) and its configuration space,
 * exactly 256 bytes. Its state travels first in the chunk of each device class that extends it.
 */
@ChunkBase
public abstract class PciFunction {
  @Unsigned short vendorId;
  @Unsigned short deviceId;
  @FixedLength(256) final byte[] configSpace = new byte[256];

  /** A function with the given IDs and an empty configuration space. */
  protected PciFunction(short vendorId, short deviceId) {
    this.vendorId = vendorId;
    this.deviceId = deviceId;
  }

  public short vendorId() {
    return vendorId;
  }

  public short deviceId() {
    return deviceId;
  }

  /** The configuration space itself, which the guest reads and writes. */
  public byte[] configSpace() {
    return configSpace;
  }
}

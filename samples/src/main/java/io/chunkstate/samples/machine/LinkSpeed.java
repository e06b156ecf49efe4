package io.chunkstate.samples.machine;

import io.chunkstate.annotation.WireValue;

/**
 * The speed an Ethernet link negotiated. It travels by the values its constants declare, as
 * QEMU stores such enums, so a constant can be renamed without breaking a saved stream.
 */
public enum LinkSpeed {
  @WireValue(0) DOWN,
  @WireValue(1) MBIT_10,
  @WireValue(2) MBIT_100,
  @WireValue(3) GBIT
}

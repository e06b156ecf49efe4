package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A PCI function: its address, IDs, the first 256 bytes of its configuration space, its base
 * address registers, power state and legacy interrupt line, and its MSI-X state, which is null
 * while MSI-X is disabled. Its PCI address is its key: a restore matches each chunk to the device
 * at the same address.
 */
@Chunk("PcIs")
public record PciDevice(
    @ChunkKey String address,
    short vendorId,
    short deviceId,
    byte[] configSpace,
    long[] bars,
    PowerState power,
    InterruptLine intx,
    MsixState msix) {

  @Override
  public boolean equals(Object other) {
    return other instanceof PciDevice p
        && address.equals(p.address)
        && vendorId == p.vendorId
        && deviceId == p.deviceId
        && Arrays.equals(configSpace, p.configSpace)
        && Arrays.equals(bars, p.bars)
        && power == p.power
        && Objects.equals(intx, p.intx)
        && Objects.equals(msix, p.msix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, vendorId, deviceId, power) * 31 + Arrays.hashCode(configSpace);
  }

  @Override
  public String toString() {
    return String.format(
        "PciDevice[%s %04x:%04x, %s, bars=%s, intx=%s, msix=%s]",
        address, vendorId & 0xffff, deviceId & 0xffff, power, Arrays.toString(bars), intx, msix);
  }
}

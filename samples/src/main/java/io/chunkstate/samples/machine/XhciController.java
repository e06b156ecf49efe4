package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.SubChunk;
import io.chunkstate.annotation.Unsigned;
import java.util.Arrays;
import java.util.Objects;

/**
 * An xHCI (USB 3) controller: its slots of endpoints, inline (an array of structs, each with an
 * array of structs), its root hub ports as an array of sub-chunks (each with a list of device
 * sub-chunks), and its microframe timer under the code {@code tiMr}, which means a floppy
 * controller's motor timer under that controller.
 *
 * @param usbCmd the USB command register
 * @param usbSts the USB status register
 * @param slots the device slots, by slot id minus one; null where a slot is disabled
 * @param ports the root hub ports
 * @param timer the microframe index timer, while the controller runs
 */
@Chunk("XhCi")
public record XhciController(
    @Unsigned int usbCmd,
    @Unsigned int usbSts,
    XhciSlot[] slots,
    XhciPort[] ports,
    @SubChunk("tiMr") XhciTimer timer) {
  @Override
  public boolean equals(Object other) {
    return other instanceof XhciController c
        && usbCmd == c.usbCmd
        && usbSts == c.usbSts
        && Arrays.equals(slots, c.slots)
        && Arrays.equals(ports, c.ports)
        && Objects.equals(timer, c.timer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(usbCmd, usbSts, Arrays.hashCode(slots), Arrays.hashCode(ports), timer);
  }

  @Override
  public String toString() {
    return "XhciController[usbCmd=" + usbCmd + ", usbSts=" + usbSts + ", slots="
        + Arrays.toString(slots) + ", ports=" + Arrays.toString(ports) + ", timer=" + timer + "]";
  }
}

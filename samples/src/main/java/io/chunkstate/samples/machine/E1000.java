package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.Unsigned;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * An Intel 82540EM (e1000) network card: a PCI function (its IDs and configuration space travel
 * first) with its device control and status registers, the receive and transmit descriptor ring
 * tails, the link speed it negotiated, and the interrupt causes pending.
 */
@Chunk("EnIc")
public class E1000 extends PciFunction {
  /** Intel's PCI vendor ID. */
  public static final short INTEL = (short) 0x8086;

  /** The 82540EM's device ID. */
  public static final short E1000_82540EM = (short) 0x100e;

  @Unsigned int ctrl;
  @Unsigned int status;
  @Unsigned short rxTail;
  @Unsigned short txTail;
  LinkSpeed speed = LinkSpeed.DOWN;
  BitSet pendingCauses = new BitSet();

  /** A card after reset: the link down, no interrupt pending. */
  public E1000() {
    super(INTEL, E1000_82540EM);
  }

  /** A card that has negotiated a gigabit link and has a receive interrupt pending. */
  public static E1000 linkedUp() {
    E1000 card = new E1000();
    card.configSpace[0] = (byte) 0x86;
    card.configSpace[1] = (byte) 0x80;
    card.configSpace[0xff] = (byte) 0xff;
    card.ctrl = 0x8014_0248;
    card.status = 0xffff_ffff;
    card.rxTail = (short) 0xffff;
    card.txTail = 7;
    card.speed = LinkSpeed.GBIT;
    card.pendingCauses.set(7);
    return card;
  }

  public int ctrl() {
    return ctrl;
  }

  public LinkSpeed speed() {
    return speed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof E1000 e
        && vendorId == e.vendorId
        && deviceId == e.deviceId
        && Arrays.equals(configSpace, e.configSpace)
        && ctrl == e.ctrl
        && status == e.status
        && rxTail == e.rxTail
        && txTail == e.txTail
        && speed == e.speed
        && Objects.equals(pendingCauses, e.pendingCauses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendorId, deviceId, ctrl, status, speed) * 31
        + Arrays.hashCode(configSpace);
  }

  @Override
  public String toString() {
    return String.format(
        "E1000[%04x:%04x, ctrl=%08x, status=%08x, rx=%d, tx=%d, %s, pending=%s]",
        vendorId & 0xffff, deviceId & 0xffff, ctrl, status, rxTail & 0xffff, txTail & 0xffff,
        speed, pendingCauses);
  }
}

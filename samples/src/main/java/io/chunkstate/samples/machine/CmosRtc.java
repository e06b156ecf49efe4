package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.PostLoad;
import io.chunkstate.annotation.WhenAbsent;
import java.util.Arrays;

/**
 * A real-time clock with its CMOS RAM, as a PC has one: a mutable device that a VMM creates once
 * and restores in place. Its RAM is a {@code final} array the device allocated, filled in place
 * by a restore; its alarm is a nested mutable object that a restore updates rather than replaces.
 */
@Chunk("RtCc")
public class CmosRtc {
  /** The CMOS RAM: 128 bytes, allocated once. */
  final byte[] cmos = new byte[128];

  /** The RAM index register: which byte the guest reads or writes next. */
  int selected;

  /**
   * The alarm, a sub-chunk added after the clock's first version: critical, since a destination
   * that does not know alarms must refuse a guest that may rely on one. A stream from a producer of
   * the first version lacks it, and then the alarm is disarmed.
   */
  @WhenAbsent("disarmed")
  RtcAlarm alarm = disarmed();

  /** The checksum of the RAM, which the device keeps for the guest: derived, never saved. */
  transient int checksum;

  /** The alarm of an RTC whose stream holds none: disarmed. */
  static RtcAlarm disarmed() {
    return new RtcAlarm();
  }

  /** Checks the index register against the RAM and rebuilds the checksum, after every restore. */
  @PostLoad
  void afterLoad() {
    if (selected < 0 || selected >= cmos.length) {
      throw new IllegalStateException(
          "the index register selects byte " + selected + " of a " + cmos.length + "-byte RAM");
    }
    int sum = 0;
    for (byte b : cmos) {
      sum += b & 0xff;
    }
    checksum = sum;
  }

  /** Writes {@code value} at {@code index} of the RAM, as the guest does through the ports. */
  public void write(int index, byte value) {
    selected = index;
    cmos[index] = value;
    afterLoad();
  }

  /** The RAM itself, the one array the device allocated. */
  public byte[] ram() {
    return cmos;
  }

  public int selected() {
    return selected;
  }

  public RtcAlarm alarm() {
    return alarm;
  }

  public int checksum() {
    return checksum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CmosRtc r
        && Arrays.equals(cmos, r.cmos)
        && selected == r.selected
        && alarm.equals(r.alarm);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cmos) * 31 + selected;
  }

  @Override
  public String toString() {
    return "CmosRtc[selected=" + selected + ", checksum=" + checksum + ", " + alarm + "]";
  }
}

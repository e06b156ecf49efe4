package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;

/** The alarm of a {@link CmosRtc}: when it fires, and whether it is armed. Mutable. */
@Chunk("AlRm")
public class RtcAlarm {
  byte hours;
  byte minutes;
  byte seconds;
  boolean armed;

  /** Arms the alarm for {@code hours:minutes:seconds}. */
  public void arm(int hours, int minutes, int seconds) {
    this.hours = (byte) hours;
    this.minutes = (byte) minutes;
    this.seconds = (byte) seconds;
    this.armed = true;
  }

  public boolean armed() {
    return armed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtcAlarm a
        && hours == a.hours
        && minutes == a.minutes
        && seconds == a.seconds
        && armed == a.armed;
  }

  @Override
  public int hashCode() {
    return ((hours * 60 + minutes) * 60 + seconds) * 2 + (armed ? 1 : 0);
  }

  @Override
  public String toString() {
    return armed
        ? String.format("alarm at %02d:%02d:%02d", hours, minutes, seconds)
        : "alarm disarmed";
  }
}

package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.SubChunk;
import io.chunkstate.annotation.Unsigned;
import java.util.Arrays;
import java.util.Objects;

/**
 * A floppy disk controller (an 82077AA) with its two drives. The drives are an array of
 * sub-chunks, one {@code FdDv} per drive in order; the array is {@code final}, allocated by the
 * controller, so a restore fills it in place and each drive object is restored in place too: a
 * block backend that holds a drive keeps the live one. The motor timer is a struct that travels as
 * an ancillary sub-chunk of the code its field declares.
 */
@Chunk("FdCt")
public class FloppyController {
  /** The digital output register: motors, drive select, reset. */
  @Unsigned byte dor;

  /** The main status register. */
  @Unsigned byte msr;

  /** The drives, allocated once. */
  final FloppyDrive[] drives = {new FloppyDrive(), new FloppyDrive()};

  /** The motor-off timer; null while no motor runs. */
  @SubChunk("tiMr")
  FloppyTimer motorTimer;

  /** The drive at {@code index}: the live object, which a restore updates in place. */
  public FloppyDrive drive(int index) {
    return drives[index];
  }

  /** The guest starts the motor of drive {@code index}, which stops at {@code stopAtNs}. */
  public void startMotor(int index, long stopAtNs) {
    dor = (byte) (0x0c | (0x10 << index) | index);
    msr = (byte) 0x80;
    motorTimer = new FloppyTimer(stopAtNs, true);
  }

  /** The motor-off timer, or null. */
  public FloppyTimer motorTimer() {
    return motorTimer;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FloppyController c
        && dor == c.dor
        && msr == c.msr
        && Arrays.equals(drives, c.drives)
        && Objects.equals(motorTimer, c.motorTimer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dor, msr, Arrays.hashCode(drives), motorTimer);
  }

  @Override
  public String toString() {
    return String.format(
        "FloppyController[dor=%02x, msr=%02x, drives=%s, motorTimer=%s]",
        dor, msr, Arrays.toString(drives), motorTimer);
  }
}

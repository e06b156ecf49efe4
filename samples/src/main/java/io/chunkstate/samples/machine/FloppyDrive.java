package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.Unsigned;

/**
 * One drive of a floppy controller: where its head is, and whether the medium changed. A mutable
 * device object that the controller allocates once; a restore updates it in place.
 */
@Chunk("FdDv")
public class FloppyDrive {
  /** The cylinder the head is over. */
  @Unsigned byte track;

  /** The head: 0 or 1. */
  byte head;

  /** The sector the next transfer starts at, from 1. */
  @Unsigned byte sector;

  /** Whether the medium was changed since the guest last looked. */
  boolean mediaChanged;

  /** The drive seeks to {@code track} and {@code head}, at the first sector. */
  public void seek(int track, int head) {
    this.track = (byte) track;
    this.head = (byte) head;
    this.sector = 1;
  }

  /** The cylinder the head is over, 0 to 255. */
  public int track() {
    return Byte.toUnsignedInt(track);
  }

  /** The head: 0 or 1. */
  public int head() {
    return head;
  }

  /** The medium is changed: the guest sees it on its next look. */
  public void changeMedia() {
    mediaChanged = true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FloppyDrive d
        && track == d.track
        && head == d.head
        && sector == d.sector
        && mediaChanged == d.mediaChanged;
  }

  @Override
  public int hashCode() {
    return ((track * 31 + head) * 31 + sector) * 2 + (mediaChanged ? 1 : 0);
  }

  @Override
  public String toString() {
    return "FloppyDrive[track=" + track() + ", head=" + head + ", sector="
        + Byte.toUnsignedInt(sector) + (mediaChanged ? ", media changed" : "") + "]";
  }
}

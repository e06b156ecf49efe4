package example;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkKey;
import io.chunkstate.annotation.FixedLength;
import io.chunkstate.annotation.PostLoad;
import io.chunkstate.annotation.PreSave;
import io.chunkstate.annotation.WhenAbsent;

/**
 * A mutable class restored by key, with hooks, final arrays that it allocates itself (filled in
 * place; one of a declared length), and a mutable sub-chunk that gets a value of its own when the
 * stream lacks it.
 */
@Chunk("ClOk")
public class Clock {
  @ChunkKey int index;
  @FixedLength(128)
  final byte[] cmos = new byte[128];
  private final int[] alarms = new int[3];
  final String[] zones = new String[2];
  @WhenAbsent("freshCounter")
  Counter ticks;
  transient int checksum;

  public int[] getAlarms() {
    return alarms;
  }

  static Counter freshCounter() {
    return new Counter();
  }

  @PreSave
  void beforeSave() {
    cmos[0] = (byte) checksum;
  }

  @PostLoad
  void afterLoad() {
    checksum = cmos[0];
  }
}

package example;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/**
 * Sub-chunks after the inline fields, one of them a nested class; records of primitives alone,
 * one and a list of them, which the codec reads in place.
 */
@Chunk("BoRd")
public record Board(
    int id, Point origin, Slot first, List<Slot2> more, Counter counter, Latch latch) {

  @Chunk("slOt")
  public record Slot(int index, String label) {
    /** What a port holds when its stream has no slot. */
    public static Slot unused() {
      return new Slot(-1, "unused");
    }
  }

  @Chunk("slOT")
  public record Slot2(int index) {}

  @Chunk("laTc")
  public record Latch(boolean held, char owner, long since) {}
}

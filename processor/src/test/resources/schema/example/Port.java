package example;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkKey;
import io.chunkstate.annotation.PostLoad;
import io.chunkstate.annotation.Unsigned;
import io.chunkstate.annotation.WhenAbsent;

/**
 * A record restored by key, whose post-load hook checks an invariant, and whose sub-chunk's type
 * gives the value for an absent sub-chunk; its vendor id is unsigned.
 */
@Chunk("PoRt")
public record Port(
    @ChunkKey String address, @Unsigned short vendor, @WhenAbsent("unused") Board.Slot slot) {
  @PostLoad
  void check() {
    if (address == null) {
      throw new IllegalStateException("a port without an address");
    }
  }
}

package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WhenAbsent;

final class AbsentMissing {
  @Chunk("abSd")
  record Seed(byte[] bytes) {}

  @Chunk("AbMs")
  record Rng(boolean ready, @WhenAbsent("reseed") Seed seed) {}
}

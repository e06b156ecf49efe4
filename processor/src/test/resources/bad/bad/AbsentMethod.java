package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WhenAbsent;

final class AbsentMethod {
  @Chunk("abSe")
  record Seed(byte[] bytes) {}

  @Chunk("AbMt")
  record Rng(boolean ready, @WhenAbsent("reseed") Seed seed) {
    Seed reseed() {
      return new Seed(new byte[16]);
    }
  }
}

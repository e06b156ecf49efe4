package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.PostLoad;

@Chunk("HoSg")
class HookSignature {
  int level;

  @PostLoad
  boolean check(int limit) {
    return level <= limit;
  }
}

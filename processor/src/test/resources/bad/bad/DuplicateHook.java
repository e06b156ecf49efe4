package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.PostLoad;

@Chunk("DuHk")
class DuplicateHook {
  int level;
  transient int derived;

  @PostLoad
  void rebuild() {
    derived = level * 2;
  }

  @PostLoad
  void check() {
    if (level < 0) throw new IllegalStateException();
  }
}

package bad;

import io.chunkstate.annotation.Chunk;

final class InnerClass {
  @Chunk("InNe")
  class Inner {
    int value;
  }
}

package bad;

import io.chunkstate.annotation.Chunk;

final class InaccessibleType {
  @Chunk("InAc")
  private record Hidden(int value) {}
}

package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("NoCo")
class NoConstructor {
  int value;

  NoConstructor(int value) {
    this.value = value;
  }
}

package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("CoNt")
record SubChunkContainer(int value, Child[] children) {
  @Chunk("chLd")
  record Child(int value) {}
}

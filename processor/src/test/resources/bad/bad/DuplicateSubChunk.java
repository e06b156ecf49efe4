package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("DuSu")
record DuplicateSubChunk(Child left, Child right) {
  @Chunk("chLd")
  record Child(int value) {}
}

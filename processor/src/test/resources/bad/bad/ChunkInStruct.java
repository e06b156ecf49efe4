package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
record ChunkInStruct(int value, Child child) {
  @Chunk("chLd")
  record Child(int value) {}
}

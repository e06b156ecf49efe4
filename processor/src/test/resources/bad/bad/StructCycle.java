package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;

final class StructCycle {
  @ChunkStruct
  record Outer(int value, Inner inner) {}

  @ChunkStruct
  record Inner(int value, Outer back) {}

  @Chunk("CyCl")
  record User(Outer outer) {}
}

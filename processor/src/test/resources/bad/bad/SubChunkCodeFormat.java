package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBf")
record SubChunkCodeFormat(@SubChunk("rx") Fifo rx) {
  @ChunkStruct
  record Fifo(int head) {}
}

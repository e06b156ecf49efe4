package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBp")
record SubChunkPublicCode(@SubChunk("rXFf") Fifo rx) {
  @ChunkStruct
  record Fifo(int head) {}
}

package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBc")
record SubChunkFormatCode(@SubChunk("dESc") Fifo rx) {
  @ChunkStruct
  record Fifo(int head) {}
}

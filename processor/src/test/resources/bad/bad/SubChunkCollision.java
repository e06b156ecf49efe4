package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBd")
record SubChunkCollision(
    @SubChunk("fiFo") Fifo rx,
    @SubChunk("fiFo") Fifo tx) {
  @ChunkStruct
  record Fifo(int head) {}
}

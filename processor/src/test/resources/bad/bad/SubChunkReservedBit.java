package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBr")
record SubChunkReservedBit(@SubChunk("rxff") Fifo rx) {
  @ChunkStruct
  record Fifo(int head) {}
}

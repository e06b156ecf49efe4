package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.SubChunk;

@Chunk("SuBt")
record SubChunkType(@SubChunk("coNt") int count) {}

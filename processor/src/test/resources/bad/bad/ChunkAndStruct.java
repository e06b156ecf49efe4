package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;

@Chunk("BoTh")
@ChunkStruct
record ChunkAndStruct(int value) {}

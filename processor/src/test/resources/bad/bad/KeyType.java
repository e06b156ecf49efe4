package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkKey;

@Chunk("KeTy")
record KeyType(@ChunkKey double frequency, int value) {}

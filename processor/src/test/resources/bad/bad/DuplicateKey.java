package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkKey;

@Chunk("DuKy")
class DuplicateKey {
  @ChunkKey String address;
  @ChunkKey int slot;
}

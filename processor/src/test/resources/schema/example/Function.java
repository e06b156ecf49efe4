package example;

import io.chunkstate.annotation.ChunkBase;
import io.chunkstate.annotation.ChunkKey;
import io.chunkstate.annotation.PostLoad;
import io.chunkstate.annotation.Unsigned;

/** A base whose state, key and hook every @Chunk subclass takes. */
@ChunkBase
public abstract class Function {
  @ChunkKey String address;
  @Unsigned short vendorId;
  transient boolean loaded;

  @PostLoad
  void loaded() {
    loaded = true;
  }
}

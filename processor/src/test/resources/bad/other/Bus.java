package other;

import io.chunkstate.annotation.ChunkBase;

@ChunkBase
public abstract class Bus {
  public int irq;
  int pending;
}

package other;

import io.chunkstate.annotation.ChunkBase;
import io.chunkstate.annotation.SubChunk;

@ChunkBase
public abstract class Bus {
  public int irq;
  int pending;
  @SubChunk("tiMr") Timer timer;
}

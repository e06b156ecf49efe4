package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkBase;

class BaseFieldHidden {
  @ChunkBase
  abstract static class Device {
    int irq;
  }

  @Chunk("BsHi")
  static class Card extends Device {
    int irq; // hides Device.irq
  }
}

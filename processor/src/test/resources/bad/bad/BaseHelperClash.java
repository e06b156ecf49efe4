package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkBase;

/** A top-level Bus_Port and a nested Bus.Port: both helpers would be bad.Bus_PortChunkBase. */
@ChunkBase
abstract class Bus_Port {
  int irq;
}

final class Bus {
  @ChunkBase
  abstract static class Port {
    int dma;
  }

  @Chunk("BsPa")
  static class Serial extends Bus_Port {
    int baud;
  }

  @Chunk("BsPb")
  static class Parallel extends Port { // clash
    int mode;
  }
}

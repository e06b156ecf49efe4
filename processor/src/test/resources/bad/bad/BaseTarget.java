package bad;

import io.chunkstate.annotation.ChunkBase;

@ChunkBase
record BaseTarget(int irq) {}

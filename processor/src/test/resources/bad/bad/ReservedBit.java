package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("Pcis")
record ReservedBit(int value) {}

package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("PcI")
record CodeFormat(int value) {}

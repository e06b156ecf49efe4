package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("CEND")
record FormatCode(int value) {}

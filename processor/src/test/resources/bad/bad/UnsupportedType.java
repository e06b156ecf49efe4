package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("UnSp")
record UnsupportedType(int value, Object anything) {}

package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.Unsigned;

@Chunk("UnTy")
record UnsignedType(@Unsigned short vendor, @Unsigned float ratio) {}

package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("PCIs")
record PublicCode(int value) {}

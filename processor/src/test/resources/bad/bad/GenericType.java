package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("GeTy")
record GenericType<T>(int value) {}

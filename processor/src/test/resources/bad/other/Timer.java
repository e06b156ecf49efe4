package other;

import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
public record Timer(long deadline) {}

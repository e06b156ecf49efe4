package example;

import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
public record Point(int x, int y) {}

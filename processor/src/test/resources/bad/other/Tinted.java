package other;

import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
public record Tinted(Tint tint) {}

enum Tint {
  RED
}

package io.chunkstate.testing;

import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.RawChunk;
import java.util.HashMap;
import java.util.Map;

/** Structures for editor tests, written by hand rather than from descriptions. */
public final class Structures {
  private Structures() {}

  /** Knows each code of {@code inline}, whose inline fields take that many bytes. */
  public static ChunkEditor.Structure fixed(Map<String, Integer> inline) {
    Map<ChunkType, Integer> lengths = new HashMap<>();
    inline.forEach((code, length) -> lengths.put(ChunkType.of(code), length));
    return new ChunkEditor.Structure() {
      @Override
      public boolean knows(ChunkType type) {
        return lengths.containsKey(type);
      }

      @Override
      public int inlineLength(RawChunk chunk, String path) {
        return lengths.get(chunk.type());
      }
    };
  }
}

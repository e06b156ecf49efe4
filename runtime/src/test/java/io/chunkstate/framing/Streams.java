package io.chunkstate.framing;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import java.io.IOException;

/** What editor tests ask of an output. */
final class Streams {
  private Streams() {}

  /** Whether a chunkstate stream in {@code bytes} holds a well-framed CEND at the top level. */
  static boolean holdsCend(byte[] bytes) throws IOException {
    try {
      ChunkInput input = ChunkInput.open(bytes, Signature.CHUNKSTATE);
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        if (chunk.type().equals(ChunkType.CEND)) {
          return true;
        }
      }
    } catch (ChunkStreamException e) {
      // A stream cut short inside a chunk: no CEND after it.
    }
    return false;
  }
}

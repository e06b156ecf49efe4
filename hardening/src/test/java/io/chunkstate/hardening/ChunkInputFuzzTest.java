package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.testing.Sources;

/**
 * The framing reader over arbitrary bytes: it either walks every chunk to the end of the input or
 * throws a {@code ChunkStreamException}, and a byte array and a stream that delivers one byte per
 * read agree on which, chunk for chunk.
 */
class ChunkInputFuzzTest {
  @FuzzTest(maxDuration = "15s")
  void byteArrayAndOneByteStreamAgree(byte[] bytes) throws Exception {
    Outcome fromArray = Outcome.of(() -> walk(ChunkInput.open(bytes, Signature.CHUNKSTATE)));
    Outcome fromStream =
        Outcome.of(
            () ->
                walk(
                    ChunkInput.open(
                        Sources.ONE_BYTE_AT_A_TIME.open(bytes), Signature.CHUNKSTATE)));
    assertEquals(fromArray, fromStream);
  }

  /** Reads every chunk and the end of the input; describes each chunk read. */
  static String walk(ChunkInput input) throws Exception {
    StringBuilder read = new StringBuilder();
    try (input) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        read.append(chunk).append(String.format(" crc %08x; ", chunk.crc()));
        if (chunk.offset() + 12 + chunk.length() != input.position()) {
          throw new AssertionError(chunk + " does not end at position " + input.position());
        }
      }
      input.requireEnd();
    }
    return read.toString();
  }
}

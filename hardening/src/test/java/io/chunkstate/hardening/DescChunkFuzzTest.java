package io.chunkstate.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.TypeDescription;
import java.util.List;

/**
 * The {@code dESc} reader over arbitrary data (docs/DESC.md): it returns descriptions or throws
 * {@code ChunkStreamException} at the chunk, and what it returns is what a writer would write.
 * Seeded with the example of docs/DESC.md.
 */
class DescChunkFuzzTest {
  private static final long OFFSET = 77;

  @FuzzTest(maxDuration = "15s")
  void decodesOrFailsPrecisely(byte[] data) {
    List<TypeDescription> types;
    try {
      types = DescChunk.decode(data, OFFSET);
    } catch (ChunkStreamException expected) {
      if (expected.offset() != OFFSET || !expected.path().equals("dESc")) {
        throw new AssertionError("the error is not at the dESc chunk: " + expected);
      }
      return;
    }
    List<TypeDescription> again;
    try {
      again = DescChunk.decode(DescChunk.encode(types), 0);
    } catch (ChunkStreamException | IllegalArgumentException e) {
      throw new AssertionError("decoded descriptions that cannot be written again: " + types, e);
    }
    if (!again.equals(types.stream().sorted((a, b) -> a.type().compareTo(b.type())).toList())) {
      throw new AssertionError("written again, the descriptions differ: " + types);
    }
  }
}

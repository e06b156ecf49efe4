package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Node;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.StreamBuilder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The limits of {@link ReadOptions} beyond the budget: each is exact, and names itself. */
class ReadLimitsTest {
  private static final ChunkRegistry REGISTRY = TestCodecs.registry();

  /** CHDR at 8, a NoDe at 32 (4 bytes of data), an unknown ancillary (100 bytes), CEND. */
  private static final byte[] STREAM =
      StreamBuilder.withHeader()
          .chunk("NoDe", w -> w.writeInt(1))
          .chunk("zzZz", new byte[100])
          .end()
          .bytes();

  private static ChunkStreamException limit(ReadOptions options) {
    ChunkStreamException first =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(STREAM, REGISTRY, options));
    assertEquals(ChunkStreamException.Kind.LIMIT, first.kind(), first.getMessage());
    for (Sources source : Sources.values()) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              () -> StateReader.read(source.open(STREAM), REGISTRY, options));
      assertEquals(first.getMessage(), e.getMessage(), source.name());
    }
    return first;
  }

  private static void reads(ReadOptions options) throws IOException {
    Snapshot snapshot = StateReader.read(STREAM, REGISTRY, options);
    assertEquals(new Node(1, null), snapshot.get(Node.class));
    assertEquals(1, snapshot.skipped().size());
  }

  @Test
  void theStreamsSizeIsExact() throws IOException {
    reads(ReadOptions.defaults().withMaxTotalBytes(STREAM.length));
    ChunkStreamException e = limit(ReadOptions.defaults().withMaxTotalBytes(STREAM.length - 1));
    assertEquals(STREAM.length - 12, e.offset(), e.getMessage());
    assertEquals("CEND", e.path());
    assertTrue(e.getMessage().contains("withMaxTotalBytes"), e.getMessage());
  }

  @Test
  void theChunkCountIsExactAndCountsEveryChunk() throws IOException {
    reads(ReadOptions.defaults().withMaxChunks(4));
    ChunkStreamException e = limit(ReadOptions.defaults().withMaxChunks(3));
    assertEquals("CEND", e.path());
    assertTrue(e.getMessage().contains("withMaxChunks"), e.getMessage());
  }

  @Test
  void theChunkLengthLimitsWhatIsDecodedNotWhatIsSkipped() throws IOException {
    // The skipped chunk has 100 bytes of data, the decoded one 4.
    reads(ReadOptions.defaults().withMaxChunkLength(4));
    ChunkStreamException e = limit(ReadOptions.defaults().withMaxChunkLength(3));
    assertEquals(32, e.offset(), e.getMessage());
    assertEquals("NoDe", e.path());
    assertTrue(e.getMessage().contains("withMaxChunkLength"), e.getMessage());
  }

  @Test
  void limitsCanOnlyBeSensible() {
    ReadOptions defaults = ReadOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxTotalBytes(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxChunks(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxChunkLength(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withMaxNesting(65));
    assertThrows(IllegalArgumentException.class, () -> defaults.withAllocationBudget(0));
    assertEquals(Integer.MAX_VALUE, defaults.maxChunkLength());
    assertEquals(Long.MAX_VALUE, defaults.maxTotalBytes());
  }
}

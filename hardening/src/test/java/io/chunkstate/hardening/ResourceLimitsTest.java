package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.framing.ChunkInput;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.framing.Signature;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateReader;
import io.chunkstate.wire.WireReader;
import io.chunkstate.testing.LargeChunks;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.StreamBuilder;
import java.lang.management.ManagementFactory;
import io.chunkstate.Snapshot;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's resources follow the input, never what the input claims. This suite runs under a
 * 64 MiB heap (see the module's pom), so a reader that trusted a 2 GiB length would fail here with
 * an {@code OutOfMemoryError} rather than the {@code ChunkStreamException} asserted.
 */
class ResourceLimitsTest {
  private static final ChunkRegistry REGISTRY = BaseStreams.REGISTRY;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A stream whose first chunk after CHDR claims {@code length} bytes and holds {@code held}. */
  private static byte[] claiming(long length, int held) {
    return StreamBuilder.withHeader()
        .rawInt((int) length)
        .raw((byte) 'P', (byte) 'c', (byte) 'I', (byte) 's')
        .raw(new byte[held])
        .bytes();
  }

  @Test
  void aClaimOf2GiBIn50BytesIsTruncatedFromEverySource() throws Exception {
    byte[] bytes = claiming(Integer.MAX_VALUE, 8);
    assertTrue(bytes.length <= 50, "the whole stream is " + bytes.length + " bytes");
    int chunkAt = bytes.length - 16;
    for (Sources source : Sources.values()) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class, () -> StateReader.read(source.open(bytes), REGISTRY));
      assertEquals(Kind.TRUNCATED, e.kind(), source + ": " + e.getMessage());
      assertEquals(chunkAt, e.offset(), source + ": " + e.getMessage());
    }
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(bytes, REGISTRY));
    assertEquals(Kind.TRUNCATED, e.kind());
    assertEquals(chunkAt, e.offset());
  }

  @Test
  void aClaimOf2To31IsALengthErrorBeforeAnyDataIsRead() {
    byte[] bytes = claiming(1L << 31, 0);
    for (Sources source : Sources.values()) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class, () -> StateReader.read(source.open(bytes), REGISTRY));
      assertEquals(Kind.LENGTH, e.kind(), e.getMessage());
    }
  }

  /**
   * Memory follows the bytes that arrive: reading {@code size} bytes of a chunk that claims 2 GiB
   * allocates a small multiple of {@code size}, counted by the JVM for this thread.
   */
  @ParameterizedTest
  @ValueSource(ints = {50, 64 * 1024, 1024 * 1024, 4 * 1024 * 1024})
  void allocationFollowsTheInputNotTheClaim(int size) throws Exception {
    byte[] bytes = claiming(Integer.MAX_VALUE, size);
    long allocated = allocatedWhile(() -> drain(bytes));
    long bound = 4L * bytes.length + (1 << 20);
    assertTrue(
        allocated < bound,
        "reading " + bytes.length + " bytes allocated " + allocated + ", more than " + bound);
  }

  @Test
  void theSuiteRunsUnderASmallHeap() {
    assertTrue(
        Runtime.getRuntime().maxMemory() <= 64L << 20,
        "these limits mean something only under -Xmx64m; the heap is "
            + Runtime.getRuntime().maxMemory());
  }

  private static void drain(byte[] bytes) throws Exception {
    try (ChunkInput input =
        ChunkInput.open(Sources.SHORT_READS.open(bytes), Signature.CHUNKSTATE)) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              () -> {
                while (input.next() != null) {
                  // walk to the claiming chunk
                }
              });
      assertEquals(Kind.TRUNCATED, e.kind());
    }
  }

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  private static long allocatedWhile(Action action) throws Exception {
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    action.run();
    return THREADS.getThreadAllocatedBytes(thread) - before;
  }

  @Test
  void countsAreCheckedAgainstTheDataBeforeAllocating() {
    // A PCI device chunk whose address string claims 2^31-1 bytes, within a 20-byte chunk.
    byte[] data = ByteBuffer.allocate(20).putInt(Integer.MAX_VALUE).array();
    byte[] bytes = StreamBuilder.withHeader().chunk("PcIs", data).end().bytes();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(bytes, REGISTRY));
    assertEquals(Kind.LENGTH, e.kind(), e.getMessage());
    assertEquals("PcIs", e.path());
  }

  // ---- nesting ----

  /**
   * {@code levels} {@code NeSt} chunks, each inside the one before, after a CHDR and before CEND.
   * Only the outer {@code validCrcs} levels get a correct CRC (a reader that stops at its nesting
   * limit never checks the others), so a stream a million levels deep takes linear time to make.
   */
  static byte[] nested(int levels, int validCrcs) {
    byte[] head = StreamBuilder.withHeader().bytes();
    byte[] cend = new byte[] {0, 0, 0, 0, 'C', 'E', 'N', 'D', 0, 0, 0, 0};
    ByteBuffer.wrap(cend).putInt(8, crc(cend, 4, 4));
    int top = head.length;
    ByteBuffer out = ByteBuffer.allocate(top + 16 * levels + cend.length);
    out.put(head);
    for (int d = 0; d < levels; d++) {
      out.putInt(4 + 16 * (levels - 1 - d)).put("NeSt".getBytes(StandardCharsets.US_ASCII)).putInt(d);
    }
    byte[] bytes = out.array();
    for (int d = levels - 1; d >= 0; d--) {
      int start = top + 12 * d;
      int length = 4 + 16 * (levels - 1 - d);
      int crc = d < validCrcs ? crc(bytes, start + 4, 4 + length) : 0;
      ByteBuffer.wrap(bytes).putInt(start + 8 + length, crc);
    }
    System.arraycopy(cend, 0, bytes, bytes.length - cend.length, cend.length);
    return bytes;
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  private static int depthOf(Nest nest) {
    int depth = 0;
    for (Nest n = nest; n != null; n = n.inner()) {
      depth++;
    }
    return depth;
  }

  @Test
  void nestingUpToTheLimitReads() throws Exception {
    int levels = ReadOptions.MAX_NESTING + 1; // the top-level chunk and MAX_DEPTH below it
    byte[] bytes = nested(levels, levels);
    assertEquals(levels, depthOf(StateReader.read(bytes, REGISTRY).get(Nest.class)));
    assertEquals(
        levels,
        depthOf(StateReader.read(Sources.ONE_BYTE_AT_A_TIME.open(bytes), REGISTRY).get(Nest.class)));
  }

  @ParameterizedTest
  @ValueSource(ints = {ReadOptions.MAX_NESTING + 2, 1000, 1_000_000})
  void nestingPastTheLimitIsAStructureErrorNotAStackOverflow(int levels) throws Exception {
    byte[] bytes = nested(levels, ReadOptions.MAX_NESTING + 2);
    int top = StreamBuilder.withHeader().position();
    int tooDeep = ReadOptions.MAX_NESTING + 1; // level index of the first chunk past the limit
    String path = String.join("/", Collections.nCopies(tooDeep + 1, "NeSt"));

    // On a thread with a small stack: the limit, not the stack size, must stop the descent.
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread reader =
        new Thread(
            null,
            () -> {
              try {
                StateReader.read(bytes, REGISTRY);
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "small-stack-reader",
            256 * 1024);
    reader.start();
    reader.join();
    assertTrue(thrown.get() instanceof ChunkStreamException, () -> String.valueOf(thrown.get()));
    ChunkStreamException e = (ChunkStreamException) thrown.get();
    assertEquals(Kind.STRUCTURE, e.kind(), e.getMessage());
    assertEquals(top + 12L * tooDeep, e.offset(), e.getMessage());
    assertEquals(path, e.path());
  }

  @Test
  void theNestedStreamBuilderMatchesTheWriter() {
    Nest three = new Nest(0, new Nest(1, new Nest(2, null)));
    byte[] written = BaseStreams.write(three);
    byte[] built = nested(3, 3);
    // The CHDRs name different producers: compare from the first NeSt on.
    int writtenTop = written.length - 12 - 16 * 3;
    int builtTop = built.length - 12 - 16 * 3;
    assertTrue(
        Arrays.equals(
            written, writtenTop, written.length, built, builtTop, built.length),
        "the hand-built nesting differs from what StateWriter writes");
  }

  /**
   * A newer source's ancillary chunk that this reader does not know, larger than the heap: it is
   * streamed through its CRC and skipped, never buffered. The stream is made as it is read.
   */
  @Test
  void anUnknownAncillaryChunkLargerThanTheHeapIsSkippedInConstantMemory() throws Exception {
    int length = 100 << 20;
    byte[] tail = StreamBuilder.stream().end().bytes();
    tail = Arrays.copyOfRange(tail, 8, tail.length); // less the signature the builder starts with
    InputStream in =
        LargeChunks.between(
            StreamBuilder.withHeader().bytes(), ChunkType.of("zzZz"), length, tail);
    Snapshot snapshot = StateReader.read(in, REGISTRY);
    assertEquals(1, snapshot.skipped().size());
    assertEquals(length, snapshot.skipped().get(0).length());
    assertEquals("zzZz", snapshot.skipped().get(0).path());
  }
}

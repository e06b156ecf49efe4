package io.chunkstate;

import io.chunkstate.framing.RawChunk;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.StreamBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming read: one checked chunk at a time, in memory bounded by the largest chunk. */
class StateStreamTest {
  private static final ChunkRegistry REGISTRY = TestCodecs.registry();

  private static byte[] write(Object... states) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "stream", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  @Test
  void handsOutEachChunkDecodedOrRawAndEndsAtCend() throws IOException {
    Node node = new Node(1, new Node(2, null));
    Flags flags = new Flags(true, "x", TestCodecs.Color.RED, new int[] {3});
    byte[] bytes = write(node, flags, node);
    for (Sources source : Sources.values()) {
      try (StateStream stream = StateStream.open(source.open(bytes), REGISTRY)) {
        assertEquals("stream", stream.producer());
        assertTrue(stream.next());
        assertEquals(TestCodecs.NODE, stream.type());
        assertEquals(node, stream.state());
        assertTrue(stream.next());
        RawChunk raw = stream.raw();
        assertEquals(TestCodecs.FLAGS, raw.type());
        assertEquals(stream.offset(), raw.offset());
        assertThrows(IllegalStateException.class, stream::raw);
        assertTrue(stream.next()); // the third chunk is left alone: next() still checks it
        assertFalse(stream.next());
        assertTrue(stream.isComplete());
        assertFalse(stream.next());
        assertThrows(IllegalStateException.class, stream::type);
      }
    }
  }

  @Test
  void copyRawStreamsAChunksDataIntoASinkAndChecksItsCrc() throws IOException {
    Flags flags = new Flags(true, "copied", TestCodecs.Color.GREEN, new int[] {1, 2, 3});
    byte[] bytes = write(flags, flags);
    byte[] expected;
    try (StateStream stream = StateStream.open(bytes, REGISTRY, ReadOptions.defaults())) {
      assertTrue(stream.next());
      expected = stream.raw().data();
    }
    for (Sources source : Sources.values()) {
      try (StateStream stream = StateStream.open(source.open(bytes), REGISTRY)) {
        assertTrue(stream.next());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        stream.copyRaw(sink);
        assertArrayEquals(expected, sink.toByteArray(), source.name());
        assertThrows(IllegalStateException.class, () -> stream.copyRaw(sink));
        assertTrue(stream.next());
        assertEquals("copied", ((Flags) stream.state()).name());
        assertFalse(stream.next());
      }
    }

    byte[] damaged = bytes.clone();
    int crcOfFirst = 8 + 12 + 2 + 2 + 4 + 6 + 8 + expected.length;
    damaged[crcOfFirst] ^= 1;
    try (StateStream stream = StateStream.open(new ByteArrayInputStream(damaged), REGISTRY)) {
      assertTrue(stream.next());
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> stream.copyRaw(sink));
      assertEquals(ChunkStreamException.Kind.CRC, e.kind());
      assertEquals(expected.length, sink.size(), "the data reached the sink before its CRC");
      assertFalse(stream.next());
      assertFalse(stream.isComplete());
    }

    try (StateStream stream = StateStream.open(new ByteArrayInputStream(bytes), REGISTRY)) {
      assertTrue(stream.next());
      ChunkStreamException refusal =
          new ChunkStreamException(ChunkStreamException.Kind.DATA, 26, "FlAg", "refused");
      java.io.OutputStream refusing =
          new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
              throw refusal;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              throw refusal;
            }
          };
      assertEquals(refusal, assertThrows(ChunkStreamException.class, () -> stream.copyRaw(refusing)));
      assertFalse(stream.next());
    }
  }

  /**
   * The caller sees a chunk before the stream is known to be whole: a later chunk may still fail
   * the read. This is why a caller stages what it reads until next() returns false.
   */
  @Test
  void aChunkSeenEarlyDoesNotMeanTheStreamIsWhole() throws IOException {
    byte[] bytes = write(new Node(1, null), new Node(2, null));
    bytes[bytes.length - 14] ^= 1; // the CRC of the second NoDe
    try (StateStream stream = StateStream.open(new ByteArrayInputStream(bytes), REGISTRY)) {
      assertTrue(stream.next());
      assertEquals(new Node(1, null), stream.state());
      assertTrue(stream.next());
      ChunkStreamException e = assertThrows(ChunkStreamException.class, stream::state);
      assertEquals(ChunkStreamException.Kind.CRC, e.kind());
      assertFalse(stream.isComplete());
      assertFalse(stream.next(), "a failed read does not go on");
    }
  }

  @Test
  void aChunkTheCallerLeavesAloneIsCheckedAllTheSame() throws IOException {
    byte[] bytes = write(new Node(1, null), new Node(2, null));
    bytes[bytes.length - 14] ^= 1;
    try (StateStream stream = StateStream.open(new ByteArrayInputStream(bytes), REGISTRY)) {
      assertTrue(stream.next());
      assertTrue(stream.next());
      ChunkStreamException e = assertThrows(ChunkStreamException.class, stream::next);
      assertEquals(ChunkStreamException.Kind.CRC, e.kind());
    }
  }

  @Test
  void unknownChunksFollowTheRulesAsTheyCome() throws IOException {
    byte[] bytes =
        StreamBuilder.withHeader()
            .chunk("zzZz", new byte[100])
            .chunk("NoDe", w -> w.writeInt(7))
            .chunk("ZzZz")
            .end()
            .bytes();
    try (StateStream stream = StateStream.open(new ByteArrayInputStream(bytes), REGISTRY)) {
      assertTrue(stream.next());
      assertEquals(new Node(7, null), stream.state());
      assertEquals("zzZz", stream.skipped().get(0).path());
      ChunkStreamException e = assertThrows(ChunkStreamException.class, stream::next);
      assertEquals(ChunkStreamException.Kind.UNKNOWN_CRITICAL, e.kind());
    }
  }

  @Test
  void anEmbeddedReadLeavesWhatFollowsUnread() throws IOException {
    byte[] one = write(new Node(1, null));
    byte[] two = write(new Node(2, null));
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    InputStream in = Sources.ONE_BYTE_AT_A_TIME.open(both);
    List<Object> seen = new ArrayList<>();
    for (int message = 0; message < 2; message++) {
      try (StateStream stream = StateStream.openEmbedded(in, REGISTRY, ReadOptions.defaults())) {
        while (stream.next()) {
          seen.add(stream.state());
        }
      }
    }
    assertEquals(List.of(new Node(1, null), new Node(2, null)), seen);
    assertEquals(-1, in.read());
  }

  /**
   * Two GiB of pages, made as they are read and never stored, through this module's 64 MiB heap:
   * what the reader holds does not grow with the stream.
   */
  @Test
  void twoGibibytesOfPagesPassThroughASmallHeap() throws IOException {
    int pageSize = 1 << 20;
    int pages = 2048;
    ChunkRegistry registry = ChunkRegistry.of(new PageCodec());
    long bytes = 0;
    int next = 0;
    try (StateStream stream =
        StateStream.open(new GeneratedPages(pages, pageSize), registry, ReadOptions.defaults())) {
      while (stream.next()) {
        if (next % 2 == 0) {
          Page page = (Page) stream.state();
          assertEquals(next, page.index());
          assertEquals((byte) next, page.data()[pageSize - 1]);
          bytes += page.data().length;
        } else {
          RawChunk raw = stream.raw();
          assertEquals(8 + 4 + pageSize, raw.length()); // the index, the count, the page
          bytes += raw.length() - 12;
        }
        next++;
      }
      assertTrue(stream.isComplete());
    }
    assertEquals(pages, next);
    assertEquals((long) pages * pageSize, bytes);
    assertTrue(Runtime.getRuntime().maxMemory() <= 64L << 20, "the point is the small heap");
  }

  record Page(long index, byte[] data) {}

  static final class PageCodec implements ChunkCodec<Page> {
    static final ChunkType TYPE = ChunkType.of("PaGe");

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Page> stateClass() {
      return Page.class;
    }

    @Override
    public void encode(Page page, WireWriter out) {
      out.writeLong(page.index());
      out.writeBytes(page.data());
    }

    @Override
    public Page decode(WireReader in) throws ChunkStreamException {
      return new Page(in.readLong(), in.readBytes());
    }
  }

  /** A stream of pages, each filled with its index's low byte, encoded as they are read. */
  private static final class GeneratedPages extends InputStream {
    private final int pages;
    private final byte[] data;
    private final WireWriter chunk;
    private final PageCodec codec = new PageCodec();
    private int nextPage = -1; // -1: the header
    private int at;

    GeneratedPages(int pages, int pageSize) {
      this.pages = pages;
      this.data = new byte[pageSize];
      this.chunk = new WireWriter(pageSize + 64);
      byte[] header = StreamBuilder.withHeader().bytes();
      chunk.writeRaw(header, 0, header.length);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == chunk.size()) {
        if (nextPage == pages) {
          return -1;
        }
        chunk.reset();
        nextPage++;
        if (nextPage < pages) {
          Arrays.fill(data, (byte) nextPage);
          chunk.writeChunk(codec, new Page(nextPage, data));
        } else {
          chunk.endChunk(chunk.beginChunk(ChunkType.CEND));
        }
        at = 0;
      }
      int n = Math.min(len, chunk.size() - at);
      System.arraycopy(chunk.buffer(), at, b, off, n);
      at += n;
      return n;
    }
  }
}

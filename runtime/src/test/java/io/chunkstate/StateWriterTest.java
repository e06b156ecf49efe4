package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static io.chunkstate.ChunkStreamException.Kind.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Link;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.testing.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateWriterTest {
  private static final byte[] CEND = Hex.decode("00000000 43454e44 c1ff80e6");
  private static final ChunkRegistry LINKS = ChunkRegistry.of(new TestCodecs.LinkCodec());

  @Test
  void anEmptyStreamIsSignatureHeaderAndEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "vectors", TestCodecs.registry())) {
      writer.finish();
    }
    // SPEC §1 and §3, the same bytes as spec vector v01-minimal.
    assertArrayEquals(
        Hex.decode(
            "8943484b0d0a1a0a 0000000f 43484452 0001 0000 00000007 766563746f7273 1537cc90"
                + " 00000000 43454e44 c1ff80e6"),
        out.toByteArray());
  }

  @Test
  void aStateWithoutACodecIsRefusedBeforeAnythingIsWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    int before = out.size();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write("text"));
    assertEquals(
        "no codec is registered for java.lang.String; this registry holds only the codecs given to"
            + " ChunkRegistry.of: add java.lang.StringChunkCodec, or use ChunkRegistry.load()",
        e.getMessage());
    assertEquals(before, out.size());
  }

  @Test
  void eachStateIsWrittenWithItsClasssCodecWhateverCameBefore() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Flags flags = new Flags(true, "uart0", TestCodecs.Color.RED, new int[] {7});
    Node node = new Node(0, new Node(1, null));
    try (StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry())) {
      writer.write(flags);
      writer.write(flags);
      assertThrows(IllegalArgumentException.class, () -> writer.write("text"));
      writer.write(node);
      assertThrows(IllegalArgumentException.class, () -> writer.write("text"));
      assertThrows(IllegalArgumentException.class, () -> writer.write(new StringBuilder("text")));
      writer.write(flags);
      writer.write(node);
      writer.finish();
    }
    Snapshot snapshot = StateReader.read(out.toByteArray(), TestCodecs.registry());
    assertEquals(
        List.of(Flags.class, Flags.class, Node.class, Flags.class, Node.class),
        snapshot.states().stream().map(Object::getClass).toList());
    assertEquals(List.of(node, node), snapshot.all(Node.class));
    assertEquals("uart0", snapshot.all(Flags.class).get(2).name());
  }

  @Test
  void aStringUtf8CannotEncodeIsRefusedAndTheStreamGoesOnAsItWas() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    int before = out.size();
    Flags bad = new Flags(true, "a\ud800b", null, null);
    assertThrows(IllegalArgumentException.class, () -> writer.write(bad));
    assertEquals(before, out.size());
    writer.write(new Flags(true, "ok", null, null));
    writer.finish();
    writer.close();
    assertEquals("ok", StateReader.read(out.toByteArray(), TestCodecs.registry()).get(Flags.class).name());
  }

  @Test
  void onlyFinishWritesCendAndCloseWritesNothing() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    writer.write(new Node(1, null));
    int beforeFinish = out.size();
    writer.finish();
    assertTrue(writer.isFinished());
    byte[] bytes = out.toByteArray();
    assertEquals(beforeFinish + 12, bytes.length);
    assertArrayEquals(CEND, Arrays.copyOfRange(bytes, bytes.length - 12, bytes.length));
    assertThrows(IllegalStateException.class, () -> writer.write(new Node(2, null)));
    assertThrows(IllegalStateException.class, writer::finish);
    writer.close();
    writer.close();
    assertArrayEquals(bytes, out.toByteArray(), "close writes nothing more");
    assertThrows(IllegalStateException.class, () -> writer.write(new Node(3, null)));
  }

  /** The README's own try-with-resources, when the caller's code fails between two writes. */
  @Test
  void aStreamClosedAfterAnExceptionInTheCallersCodeIsRefusedByEveryReader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry())) {
            writer.write(new Node(1, null));
            throw new IllegalStateException("a device would not quiesce");
          }
        });
    byte[] bytes = out.toByteArray();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(bytes, TestCodecs.registry()));
    assertEquals(TRUNCATED, e.kind());
    assertEquals(bytes.length, e.offset(), e.getMessage());
  }

  @Test
  void aStreamWhoseLastWriteFailedIsRefusedByEveryReader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(
        IllegalArgumentException.class,
        () -> {
          try (StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry())) {
            writer.write(new Node(1, null));
            writer.write(new Flags(true, "\udc00", null, null));
            writer.finish();
          }
        });
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> StateReader.read(out.toByteArray(), TestCodecs.registry()));
    assertEquals(TRUNCATED, e.kind());
  }

  /** An output that accepts {@code budget} bytes, then fails every write, as a broken socket. */
  private static final class FailingOutput extends OutputStream {
    final ByteArrayOutputStream accepted = new ByteArrayOutputStream();
    int budget;
    boolean closed;

    FailingOutput(int budget) {
      this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = Math.min(len, budget);
      accepted.write(b, off, n);
      budget -= n;
      if (n < len) {
        throw new IOException("connection reset");
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void afterAnOutputFailureTheWriterIsBrokenAndTheStreamIsRefused() throws IOException {
    byte[] whole;
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry())) {
      writer.write(new Node(1, null));
      writer.write(new Node(2, null));
      writer.finish();
      whole = out.toByteArray();
    }
    // Fail at every byte of the second chunk and of CEND, including after nothing of it went out.
    for (int budget = whole.length - 12 - 16; budget < whole.length; budget++) {
      FailingOutput out = new FailingOutput(budget);
      StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
      writer.write(new Node(1, null));
      IOException failure =
          assertThrows(
              IOException.class,
              () -> {
                writer.write(new Node(2, null));
                writer.finish();
              });
      IllegalStateException broken =
          assertThrows(IllegalStateException.class, () -> writer.write(new Node(3, null)));
      assertSame(failure, broken.getCause());
      assertThrows(IllegalStateException.class, writer::finish);
      assertFalse(writer.isFinished());
      writer.close();
      assertTrue(out.closed);
      byte[] sent = out.accepted.toByteArray();
      assertThrows(
          ChunkStreamException.class,
          () -> StateReader.read(sent, TestCodecs.registry()),
          "a stream cut after " + budget + " bytes");
    }
  }

  @Test
  void anErrorFromTheOutputBreaksTheWriterAsAnIOExceptionDoes() throws IOException {
    // A ByteArrayOutputStream that cannot grow throws OutOfMemoryError, after which it may hold
    // any part of the chunk, as after an IOException. A caller that catches it and goes on must
    // not be able to finish a stream that lacks the state.
    ByteArrayOutputStream accepted = new ByteArrayOutputStream();
    OutOfMemoryError failure = new OutOfMemoryError("the output cannot grow");
    OutputStream out =
        new OutputStream() {
          int writes;

          @Override
          public void write(int b) {
            accepted.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            if (++writes == 2) { // the header went out; the first state fails half-way
              accepted.write(b, off, len / 2);
              throw failure;
            }
            accepted.write(b, off, len);
          }
        };
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    Flags flags = new Flags(true, "uart0", TestCodecs.Color.RED, new int[] {7});
    assertSame(failure, assertThrows(OutOfMemoryError.class, () -> writer.write(flags)));
    IllegalStateException broken =
        assertThrows(IllegalStateException.class, () -> writer.write(flags));
    assertSame(failure, broken.getCause());
    assertThrows(IllegalStateException.class, writer::finish);
    assertFalse(writer.isFinished());
    assertThrows(
        ChunkStreamException.class,
        () -> StateReader.read(accepted.toByteArray(), TestCodecs.registry()));
  }

  @Test
  void aChainDeeperThanTheNestingLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
    Node deepest = null;
    for (int i = ReadOptions.MAX_NESTING; i >= 0; i--) {
      deepest = new Node(i, deepest);
    }
    // 64 levels below the top-level chunk: written, and read back.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    writer.write(deepest);
    int before = out.size();
    // One level more: every reader would refuse it, so the writer does.
    Node tooDeep = new Node(-1, deepest);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> writer.write(tooDeep));
    assertTrue(e.getMessage().contains("deeper than 64 levels"), e.getMessage());
    // The path names every open chunk, the top-level one first, and the one refused last.
    String code = TestCodecs.NODE.code();
    String path = String.join("/", Collections.nCopies(ReadOptions.MAX_NESTING + 2, code));
    assertTrue(e.getMessage().contains("chunk (" + path + "), which"), e.getMessage());
    assertEquals(before, out.size());
    writer.finish();
    assertEquals(List.of(deepest), StateReader.read(out.toByteArray(), TestCodecs.registry()).all(Node.class));
  }

  @Test
  void aVeryDeepChainIsRefusedWithoutOverflowingTheStack() throws IOException {
    Node chain = null;
    for (int i = 0; i < 20_000; i++) {
      chain = new Node(i, chain);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    int before = out.size();
    Node deep = chain;
    assertThrows(IllegalArgumentException.class, () -> writer.write(deep));
    assertEquals(before, out.size());
  }

  @Test
  void aCycleIsRefusedClearlyAndTheNextWriteIsClean() throws IOException {
    Link first = new Link(1, null);
    Link second = new Link(2, first);
    first.next = second;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", LINKS);
    int before = out.size();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(first));
    assertTrue(e.getMessage().contains("contains itself (LiNk/LiNk/LiNk)"), e.getMessage());
    assertEquals(before, out.size());

    writer.write(new Link(7, new Link(8, null)));
    writer.finish();
    Link read = StateReader.read(out.toByteArray(), LINKS).get(Link.class);
    assertEquals(7, read.value);
    assertEquals(8, read.next.value);
  }

  @Test
  void aCycleEnteredDeepInAChainOrOfOneStateIsRefusedAsACycle() throws IOException {
    // Ten distinct links, then a ring of three: the ring starts below the depth from which the
    // writer records open states, and is found all the same.
    Link ringStart = new Link(100, null);
    Link ringEnd = new Link(102, null);
    ringStart.next = new Link(101, ringEnd);
    ringEnd.next = ringStart;
    Link head = ringStart;
    for (int i = 9; i >= 0; i--) {
      head = new Link(i, head);
    }
    Link self = new Link(1, null);
    self.next = self;
    for (Link cyclic : List.of(head, self)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StateWriter writer = StateWriter.open(out, "test", LINKS);
      int before = out.size();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> writer.write(cyclic));
      assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
      assertEquals(before, out.size());
      writer.write(new Link(7, null));
      writer.finish();
      assertEquals(7, StateReader.read(out.toByteArray(), LINKS).get(Link.class).value);
    }
  }

  @Test
  void aCycleLongerThanTheNestingLimitAllowsIsRefusedByTheLimit() throws IOException {
    // A ring of 70 links would need more levels than SPEC §4 allows before it repeats.
    Link last = new Link(69, null);
    Link first = last;
    for (int i = 68; i >= 0; i--) {
      first = new Link(i, first);
    }
    last.next = first;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", LINKS);
    int before = out.size();
    Link ring = first;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> writer.write(ring));
    assertTrue(e.getMessage().contains("deeper than 64 levels"), e.getMessage());
    assertEquals(before, out.size());
  }

  @Test
  void anErrorWhileEncodingLeavesNothingInTheBuffer() throws IOException {
    // A codec that fails with an Error, not an exception, part-way through its chunk.
    ChunkCodec<Node> failing =
        new ChunkCodec<>() {
          @Override
          public ChunkType type() {
            return TestCodecs.NODE;
          }

          @Override
          public Class<Node> stateClass() {
            return Node.class;
          }

          @Override
          public Node decode(WireReader in) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void encode(Node v, WireWriter out) {
            out.writeInt(v.depth());
            if (v.depth() < 0) {
              throw new StackOverflowError("from the state's own code");
            }
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", ChunkRegistry.of(failing));
    assertThrows(StackOverflowError.class, () -> writer.write(new Node(-1, null)));
    writer.write(new Node(5, null));
    writer.finish();
    assertEquals(
        List.of(new Node(5, null)),
        StateReader.read(out.toByteArray(), TestCodecs.registry()).all(Node.class));
  }

  @Test
  void crcIsTheStandardCrc32() {
    WireWriter w = new WireWriter();
    int mark = w.beginChunk(ChunkType.of("IEND"));
    w.endChunk(mark);
    // PNG's IEND chunk: 00000000 49454E44 AE426082
    assertArrayEquals(Hex.decode("00000000 49454e44 ae426082"), w.toByteArray());
  }

  /**
   * A writer copies the opening it encoded for the last producer name: streams of several
   * producers, alternating, each open with their own name, and a name UTF-8 cannot encode is
   * refused without changing what the next writer copies.
   */
  @Test
  void eachStreamOpensWithItsOwnProducerWhateverTheWriterBeforeItNamed() throws IOException {
    String[] producers = {"vmm 2.1", "vmm 2.2", "vmm 2.1", "grün ☃ 😀", "", "vmm 2.1"};
    for (String producer : producers) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (StateWriter writer = StateWriter.open(out, producer, LINKS)) {
        writer.finish();
      }
      assertEquals(producer, StateReader.read(out.toByteArray(), LINKS).producer());
      byte[] into = new byte[64];
      StateWriter inMemory = StateWriter.into(into, 0, producer, LINKS);
      inMemory.finish();
      assertArrayEquals(out.toByteArray(), Arrays.copyOf(into, inMemory.position()), producer);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> StateWriter.open(new ByteArrayOutputStream(), producer + "\ud800", LINKS));
      assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }
  }
}

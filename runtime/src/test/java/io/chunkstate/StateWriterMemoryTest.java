package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Writing into a caller's memory ({@code StateWriter.into}), large byte arrays handed to the
 * output stream without a copy, and what the reader reuses between chunks: the bytes are the
 * ones an output stream gets from the general path, and every state reads back.
 */
class StateWriterMemoryTest {
  /** A state with a byte array: memory, in the shape the processor generates. */
  record Blob(long id, byte[] data) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Blob b && id == b.id && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id) * 31 + Arrays.hashCode(data);
    }
  }

  /** A state holding a blob as a sub-chunk, to nest a shared array inside two chunks. */
  record Box(int tag, Blob blob) {}

  static final class BlobCodec implements ChunkCodec<Blob> {
    @Override
    public ChunkType type() {
      return ChunkType.of("BlOb");
    }

    @Override
    public Class<Blob> stateClass() {
      return Blob.class;
    }

    @Override
    public void encode(Blob v, WireWriter out) {
      out.writeLong(v.id());
      out.writeBytes(v.data());
    }

    @Override
    public Blob decode(WireReader in) throws ChunkStreamException {
      long id = in.readLong();
      byte[] data = in.readBytes();
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Blob(id, data);
    }
  }

  static final class BoxCodec implements ChunkCodec<Box> {
    private static final BlobCodec BLOB = new BlobCodec();

    @Override
    public ChunkType type() {
      return ChunkType.of("BoXx");
    }

    @Override
    public Class<Box> stateClass() {
      return Box.class;
    }

    @Override
    public void encode(Box v, WireWriter out) {
      out.writeInt(v.tag());
      out.writeChunk(BLOB, v.blob());
    }

    @Override
    public Box decode(WireReader in) throws ChunkStreamException {
      int tag = in.readInt();
      Blob blob = null;
      while (in.hasRemaining()) {
        WireReader sub = in.nextSubChunk();
        if (sub.typeValue() == BLOB.type().value()) {
          blob = BLOB.decode(sub);
        } else {
          in.skipUnknown(sub);
        }
      }
      return new Box(tag, blob);
    }
  }

  /**
   * A DMA engine whose pre-save hook flushes into memory that its device saved before it: the
   * hook runs when the engine's sub-chunk is encoded, after the memory's bytes were.
   */
  record Dma(byte[] memory, int pending) {}

  /** A device whose memory is its own field ({@code inline}) or a blob sub-chunk, then a DMA. */
  record Card(boolean inline, Blob memory, Dma dma) {}

  static final class DmaCodec implements ChunkCodec<Dma> {
    @Override
    public ChunkType type() {
      return ChunkType.of("DmAe");
    }

    @Override
    public Class<Dma> stateClass() {
      return Dma.class;
    }

    @Override
    public void encode(Dma v, WireWriter out) {
      v.memory()[0] = (byte) v.pending(); // the pre-save hook, which a generated codec runs first
      out.writeInt(v.pending());
    }

    @Override
    public Dma decode(WireReader in) throws ChunkStreamException {
      return new Dma(null, in.readInt());
    }
  }

  static final class CardCodec implements ChunkCodec<Card> {
    private static final BlobCodec BLOB = new BlobCodec();
    private static final DmaCodec DMA = new DmaCodec();

    @Override
    public ChunkType type() {
      return ChunkType.of("CaRd");
    }

    @Override
    public Class<Card> stateClass() {
      return Card.class;
    }

    @Override
    public void encode(Card v, WireWriter out) {
      out.writeBoolean(v.inline());
      if (v.inline()) {
        out.writeBytes(v.memory().data());
      } else {
        out.writeChunk(BLOB, v.memory());
      }
      out.writeChunk(DMA, v.dma());
    }

    @Override
    public Card decode(WireReader in) throws ChunkStreamException {
      boolean inline = in.readBoolean();
      Blob memory = inline ? new Blob(0, in.readBytes()) : BLOB.decode(in.nextSubChunk());
      return new Card(inline, memory, DMA.decode(in.nextSubChunk()));
    }
  }

  private static final ChunkRegistry REGISTRY =
      ChunkRegistry.of(
          new TestCodecs.FlagsCodec(),
          new TestCodecs.NodeCodec(),
          new BlobCodec(),
          new BoxCodec(),
          new CardCodec());

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  private static final List<Object> STATES =
      List.of(
          new Flags(true, "first", TestCodecs.Color.GREEN, new int[] {1, 2}),
          new Blob(1, bytes(70_000, 1)),
          new Blob(2, bytes(10, 2)),
          new Box(7, new Blob(3, bytes(5_000, 3))),
          new Node(2, new Node(1, null)),
          new Blob(4, bytes(4_096, 4)),
          new Blob(5, null));

  /** The stream of {@link #STATES} as the general path writes it: codecs into a plain writer. */
  private static byte[] reference() {
    WireWriter out = new WireWriter();
    out.writeRaw(io.chunkstate.framing.Signature.CHUNKSTATE.bytes(), 0, 8);
    int mark = out.beginChunk(ChunkType.CHDR);
    out.writeShort((short) 1);
    out.writeShort((short) 0);
    out.writeString("memory");
    out.endChunk(mark);
    for (Object state : STATES) {
      write(out, state);
    }
    out.endChunk(out.beginChunk(ChunkType.CEND));
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static <T> void write(WireWriter out, Object state) {
    ChunkCodec<T> codec = (ChunkCodec<T>) REGISTRY.codecFor(state.getClass()).orElseThrow();
    out.writeChunk(codec, (T) state);
  }

  private static byte[] toOutputStream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "memory", REGISTRY)) {
      for (Object state : STATES) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  @Test
  void anOutputStreamGetsTheBytesOfTheGeneralPathAndEveryStateReadsBack() throws IOException {
    byte[] stream = toOutputStream();
    assertArrayEquals(reference(), stream);
    assertEquals(STATES.size(), StateReader.read(stream, REGISTRY).states().size());
    List<Object> read = StateReader.read(new ByteArrayInputStream(stream), REGISTRY).states();
    assertEquals(STATES.get(1), read.get(1));
    assertEquals(STATES.get(2), read.get(2), "a short chunk after a long one, through one buffer");
    assertEquals(STATES.get(3), read.get(3));
    assertEquals(STATES.get(5), read.get(5));
    assertEquals(STATES.get(6), read.get(6));
  }

  @Test
  void aLargeArrayThatANestedStatesHookChangesIsSavedAsItWasWhenEncoded() throws IOException {
    for (boolean inline : new boolean[] {true, false}) {
      for (int size : new int[] {512, 4_096, 70_000}) {
        byte[] memory = new byte[size];
        Card card = new Card(inline, new Blob(0, memory), new Dma(memory, 7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StateWriter writer = StateWriter.open(out, "memory", REGISTRY)) {
          writer.write(card);
          writer.finish();
        }
        String what = (inline ? "an inline array" : "an array in a sub-chunk") + " of " + size;
        Card read = (Card) StateReader.read(out.toByteArray(), REGISTRY).states().get(0);
        assertEquals(0, read.memory().data()[0], what + ": saved as it was when encoded");
        assertEquals(7, memory[0], what + ": the hook ran");
        assertEquals(7, read.dma().pending());
      }
    }
  }

  @Test
  void aLargeByteArrayReachesTheOutputStreamAsItIsWithoutACopy() throws IOException {
    byte[] page = bytes(4_096, 9);
    List<byte[]> handed = new ArrayList<>();
    OutputStream recording =
        new OutputStream() {
          @Override
          public void write(int b) {
            handed.add(new byte[] {(byte) b});
          }

          @Override
          public void write(byte[] b, int off, int len) {
            handed.add(off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len));
          }
        };
    try (StateWriter writer = StateWriter.open(recording, "memory", REGISTRY)) {
      writer.write(new Blob(9, page));
    }
    assertTrue(handed.stream().anyMatch(b -> b == page), "the page itself reached the stream");
    assertEquals(
        12 + 8 + 4 + page.length, handed.stream().skip(1).mapToInt(b -> b.length).sum(),
        "the chunk, in pieces: what comes before the page, the page, and the CRC");
  }

  @Test
  void intoAByteArrayWritesTheSameBytesAtTheOffsetAndLeavesTheRestAlone() throws IOException {
    byte[] expected = reference();
    byte[] target = new byte[expected.length + 20];
    Arrays.fill(target, (byte) 0x5a);
    StateWriter writer = StateWriter.into(target, 7, "memory", REGISTRY);
    for (Object state : STATES) {
      writer.write(state);
    }
    writer.finish();
    assertEquals(7 + expected.length, writer.position());
    assertArrayEquals(expected, Arrays.copyOfRange(target, 7, writer.position()));
    assertEquals(0x5a, target[6]);
    assertEquals(0x5a, target[writer.position()]);
  }

  @Test
  void aStateThatDoesNotFitFailsAndTheStreamInTheArrayGoesOnAsItWas() throws IOException {
    byte[] target = new byte[600];
    StateWriter writer = StateWriter.into(target, 0, "memory", REGISTRY);
    writer.write(new Blob(1, bytes(100, 1)));
    int before = writer.position();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> writer.write(new Blob(2, bytes(1_000, 2))));
    assertTrue(e.getMessage().contains("full"), e.getMessage());
    assertEquals(before, writer.position());
    writer.write(new Blob(3, bytes(100, 3)));
    writer.finish();
    Snapshot read = StateReader.read(Arrays.copyOf(target, writer.position()), REGISTRY);
    assertEquals(List.of(new Blob(1, bytes(100, 1)), new Blob(3, bytes(100, 3))), read.states());
  }

  @Test
  void intoAByteBufferWritesAtItsPositionUpToItsLimitAndMovesThePosition() throws IOException {
    byte[] expected = reference();
    int capacity = expected.length + 64;
    for (ByteBuffer buffer :
        List.of(ByteBuffer.allocate(capacity), ByteBuffer.allocateDirect(capacity))) {
      buffer.position(10);
      StateWriter writer = StateWriter.into(buffer, "memory", REGISTRY);
      for (Object state : STATES) {
        writer.write(state);
      }
      writer.finish();
      assertEquals(10 + expected.length, buffer.position());
      assertEquals(buffer.position(), writer.position());
      byte[] written = new byte[expected.length];
      buffer.flip().position(10);
      buffer.get(written);
      assertArrayEquals(expected, written, buffer.isDirect() ? "direct" : "heap");
    }
    ByteBuffer small = ByteBuffer.allocate(1_000).limit(200);
    StateWriter writer = StateWriter.into(small, "memory", REGISTRY);
    assertThrows(IllegalStateException.class, () -> writer.write(new Blob(1, bytes(300, 1))));
    assertTrue(small.position() < 200);
  }

  @Test
  void aWriterIntoMemoryHasAPositionAndOneToAStreamHasNone() throws IOException {
    StateWriter writer = StateWriter.open(new ByteArrayOutputStream(), "memory", REGISTRY);
    assertThrows(IllegalStateException.class, writer::position);
  }

  @Test
  void lookupsInALargeSnapshotFindEachClassInStreamOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "memory", REGISTRY)) {
      for (int i = 0; i < 40; i++) {
        writer.write(new Blob(i, bytes(3, i)));
      }
      writer.write(new Node(0, null));
      writer.write(new Flags(false, "a", null, null));
      writer.write(new Flags(true, "b", null, null));
      writer.finish();
    }
    Snapshot snapshot = StateReader.read(out.toByteArray(), REGISTRY);
    assertEquals(new Node(0, null), snapshot.get(Node.class));
    assertEquals(40, snapshot.all(Blob.class).size());
    assertEquals(new Blob(39, bytes(3, 39)), snapshot.all(Blob.class).get(39));
    assertEquals(List.of("a", "b"), snapshot.all(Flags.class).stream().map(Flags::name).toList());
    NoSuchElementException two =
        assertThrows(NoSuchElementException.class, () -> snapshot.get(Flags.class));
    assertTrue(two.getMessage().contains("found 2"), two.getMessage());
    assertThrows(NoSuchElementException.class, () -> snapshot.get(Box.class));
    assertSame(snapshot.all(Blob.class), snapshot.all(Blob.class));
    assertThrows(UnsupportedOperationException.class, () -> snapshot.all(Blob.class).clear());
  }
}

package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.FlagsCodec;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.TestCodecs.NodeCodec;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkDecoder}: one framed chunk at a time, each checked and decoded as {@link
 * WireReader#ofChunk} and its codec would, with what the decoder keeps from one chunk to the next
 * (its reader, its budget, its list of skipped chunks) starting over each time.
 */
class ChunkDecoderTest {
  private final NodeCodec nodes = new NodeCodec();
  private final FlagsCodec flags = new FlagsCodec();

  private static <T> byte[] chunk(ChunkCodec<T> codec, T state) {
    WireWriter w = new WireWriter();
    w.writeChunk(codec, state);
    return w.toByteArray();
  }

  /** {@code Node(1, Node(2, null))} with an unknown ancillary sub-chunk before its child. */
  private static byte[] nodeWithUnknownSubChunk() {
    WireWriter w = new WireWriter();
    int m = w.beginChunk(TestCodecs.NODE);
    TestCodecs.nodeWithUnknownSubChunk(w);
    w.endChunk(m);
    return w.toByteArray();
  }

  @Test
  void decodesOneChunkAfterAnotherWithOneDecoder() throws ChunkStreamException {
    ChunkDecoder decoder = new ChunkDecoder();
    Node deep = new Node(1, new Node(2, new Node(3, null)));
    Flags on = new Flags(true, "uart ☃", Color.GREEN, new int[] {7, -1});
    for (int i = 0; i < 3; i++) {
      assertEquals(deep, decoder.decode(nodes, chunk(nodes, deep)));
      Flags read = decoder.decode(flags, chunk(flags, on));
      assertEquals("uart ☃", read.name());
      assertEquals(Color.GREEN, read.color());
      assertEquals(List.of(7, -1), Arrays.stream(read.values()).boxed().toList());
      assertEquals(new Node(5, null), decoder.decode(nodes, chunk(nodes, new Node(5, null))));
    }
  }

  @Test
  void eachDecodeSaysWhatItSkippedAndOnlyThat() throws ChunkStreamException {
    ChunkDecoder decoder = new ChunkDecoder();
    assertEquals(List.of(), decoder.skipped());

    assertEquals(new Node(1, new Node(2, null)), decoder.decode(nodes, nodeWithUnknownSubChunk()));
    List<SkippedChunk> first = decoder.skipped();
    assertEquals(1, first.size());
    assertEquals(ChunkType.of("qqQq"), first.get(0).type());
    assertEquals(12, first.get(0).offset(), "offsets count from the chunk's first byte");
    assertEquals(1, first.get(0).length());
    assertEquals("NoDe/qqQq", first.get(0).path());
    assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));

    decoder.decode(nodes, chunk(nodes, new Node(4, null)));
    assertEquals(List.of(), decoder.skipped());
    assertEquals(1, first.size(), "a list handed out before stays as it was");
  }

  @Test
  void everyDamagedChunkFailsAsOfChunkAndItsCodecFailOnIt() throws ChunkStreamException {
    ChunkDecoder decoder = new ChunkDecoder();
    byte[] good = nodeWithUnknownSubChunk();
    for (int cut = 0; cut <= good.length + 2; cut++) {
      if (cut != good.length) {
        sameError(decoder, Arrays.copyOf(good, cut), "cut or padded to " + cut);
      }
    }
    for (int i = 0; i < good.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = good.clone();
        damaged[i] ^= (byte) (1 << bit);
        sameError(decoder, damaged, "byte " + i + ", bit " + bit);
      }
    }
    // And after all of that, a chunk that is right is read right.
    assertEquals(new Node(1, new Node(2, null)), decoder.decode(nodes, good));
  }

  /** The decoder fails on {@code bytes} exactly as a reader of its own and the codec fail. */
  private void sameError(ChunkDecoder decoder, byte[] bytes, String what) {
    ChunkStreamException alone =
        assertThrows(
            ChunkStreamException.class,
            () -> nodes.decode(WireReader.ofChunk(TestCodecs.NODE, bytes)),
            what);
    ChunkStreamException kept =
        assertThrows(ChunkStreamException.class, () -> decoder.decode(nodes, bytes), what);
    assertEquals(alone.kind(), kept.kind(), what);
    assertEquals(alone.offset(), kept.offset(), what);
    assertEquals(alone.path(), kept.path(), what);
    assertEquals(alone.getMessage(), kept.getMessage(), what);
  }

  @Test
  void aChunkOfAnotherTypeIsAStructureError() {
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> new ChunkDecoder().decode(flags, chunk(nodes, new Node(1, null))));
    assertEquals(Kind.STRUCTURE, e.kind());
    assertEquals(0, e.offset());
  }

  @Test
  void theBudgetCoversEachChunkOnItsOwn() throws ChunkStreamException {
    // A string of 1,000 ASCII bytes is charged about 1,040 bytes: one fits, two would not.
    ChunkDecoder decoder = new ChunkDecoder(ReadOptions.defaults().withAllocationBudget(1500));
    byte[] fits = chunk(flags, new Flags(false, "a".repeat(1000), Color.RED, null));
    for (int i = 0; i < 20; i++) {
      assertEquals(1000, decoder.decode(flags, fits).name().length(), "decode " + i);
    }

    byte[] tooMuch = chunk(flags, new Flags(false, "a".repeat(2000), Color.RED, null));
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decoder.decode(flags, tooMuch));
    assertEquals(Kind.LIMIT, e.kind());
    assertEquals(0, e.offset());
    assertEquals("FlAg", e.path());
    assertTrue(e.getMessage().contains("ReadOptions.withAllocationBudget"), e.getMessage());

    assertEquals(1000, decoder.decode(flags, fits).name().length(), "after the refusal");
  }

  @Test
  void theNestingLimitAndTheLongestChunkAreTheOptions() {
    byte[] deep = chunk(nodes, new Node(1, new Node(2, new Node(3, null))));
    ChunkStreamException nested =
        assertThrows(
            ChunkStreamException.class,
            () -> new ChunkDecoder(ReadOptions.defaults().withMaxNesting(1)).decode(nodes, deep));
    assertEquals(Kind.STRUCTURE, nested.kind());
    assertEquals("NoDe/NoDe/NoDe", nested.path(), "one level below the chunk is allowed");

    ChunkStreamException longer =
        assertThrows(
            ChunkStreamException.class,
            () ->
                new ChunkDecoder(ReadOptions.defaults().withMaxChunkLength(deep.length - 13))
                    .decode(nodes, deep));
    assertEquals(Kind.LIMIT, longer.kind());
    assertEquals(0, longer.offset());
    assertEquals("NoDe", longer.path());
    assertTrue(
        longer.getMessage().contains("ReadOptions.withMaxChunkLength"), longer.getMessage());
  }

  @Test
  void aCodecMustReadItsChunkToTheEndAndGiveAState() throws IOException {
    byte[] lazy = chunk(new TestCodecs.LazyCodec(), new Node(3, null));
    ChunkStreamException unread =
        assertThrows(
            ChunkStreamException.class,
            () -> new ChunkDecoder().decode(new TestCodecs.LazyCodec(), lazy));
    assertEquals(Kind.LENGTH, unread.kind());
    assertEquals("LaZy", unread.path());
    assertTrue(unread.getMessage().contains("left unread"), unread.getMessage());

    byte[] node = chunk(nodes, new Node(1, null));
    ChunkStreamException none =
        assertThrows(
            ChunkStreamException.class,
            () -> new ChunkDecoder().decode(new TestCodecs.NullCodec(), node));
    assertEquals(Kind.DATA, none.kind());
    assertEquals(0, none.offset());
    assertEquals("NoDe", none.path());

    // A stream's read refuses the same chunk with the same words, at the chunk's offset there.
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(stream, "t", ChunkRegistry.of(nodes))) {
      writer.write(new Node(1, null));
      writer.finish();
    }
    ChunkStreamException inStream =
        assertThrows(
            ChunkStreamException.class,
            () ->
                StateReader.read(
                    stream.toByteArray(), ChunkRegistry.of(new TestCodecs.NullCodec())));
    assertEquals(Kind.DATA, inStream.kind());
    assertEquals("NoDe", inStream.path());
    assertEquals(none.detail(), inStream.detail());
  }
}

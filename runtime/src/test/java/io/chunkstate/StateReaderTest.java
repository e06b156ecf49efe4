package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static io.chunkstate.ChunkStreamException.Kind.CRC;
import static io.chunkstate.ChunkStreamException.Kind.DATA;
import static io.chunkstate.ChunkStreamException.Kind.LENGTH;
import static io.chunkstate.ChunkStreamException.Kind.SIGNATURE;
import static io.chunkstate.ChunkStreamException.Kind.STRUCTURE;
import static io.chunkstate.ChunkStreamException.Kind.TRAILING_DATA;
import static io.chunkstate.ChunkStreamException.Kind.TRUNCATED;
import static io.chunkstate.ChunkStreamException.Kind.TYPE;
import static io.chunkstate.ChunkStreamException.Kind.UNKNOWN_CRITICAL;
import static io.chunkstate.ChunkStreamException.Kind.VERSION;
import static io.chunkstate.testing.StreamBuilder.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.StreamBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reader's rules of SPEC §2, §3 and §5, one stream at a time. */
class StateReaderTest {
  private static final ChunkRegistry REGISTRY = TestCodecs.registry();

  private static byte[] write(Object... states) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "test", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  /** Reads from a byte array and from every stream kind, and checks they fail alike. */
  private static ChunkStreamException fails(
      byte[] stream, ChunkStreamException.Kind kind, long offset, String path) {
    ChunkStreamException first =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(stream, REGISTRY));
    assertEquals(kind, first.kind(), first.getMessage());
    assertEquals(offset, first.offset(), first.getMessage());
    assertEquals(path, first.path(), first.getMessage());
    for (Sources source : Sources.values()) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class, () -> StateReader.read(source.open(stream), REGISTRY));
      assertEquals(first.getMessage(), e.getMessage(), source.name());
    }
    return first;
  }

  @Test
  void roundTripsStatesInOrder() throws IOException {
    Flags a = new Flags(true, "ä→😀", Color.GREEN, new int[] {1, 2});
    Node b = new Node(0, new Node(1, null));
    Flags c = new Flags(false, null, null, null);
    Snapshot snapshot = StateReader.read(write(a, b, c), REGISTRY);
    assertEquals("test", snapshot.producer());
    assertEquals(3, snapshot.states().size());
    List<Flags> flags = snapshot.all(Flags.class);
    assertEquals(2, flags.size());
    assertEquals("ä→😀", flags.get(0).name());
    assertArrayEquals(new int[] {1, 2}, flags.get(0).values());
    assertEquals(c.name(), flags.get(1).name());
    assertEquals(b, snapshot.get(Node.class));
    assertThrows(NoSuchElementException.class, () -> snapshot.get(Flags.class));
    assertThrows(NoSuchElementException.class, () -> snapshot.get(String.class));
    assertEquals(List.of(), snapshot.skipped());
  }

  @Test
  void theMessageStatesKindOffsetAndPath() {
    byte[] stream = withHeader().chunk("NoDe", w -> w.writeShort((short) 1)).end().bytes();
    ChunkStreamException e = fails(stream, LENGTH, 32, "NoDe");
    assertTrue(e.getMessage().startsWith("LENGTH at offset 32 in NoDe: "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aDifferentSignatureIsRefused() {
    byte[] stream = withHeader().end().bytes();
    stream[3] = 'G';
    fails(stream, SIGNATURE, 0, "");
    fails(new byte[] {(byte) 0x89, 'C'}, SIGNATURE, 0, "");
    fails(new byte[0], SIGNATURE, 0, "");
  }

  @Test
  void theFirstChunkMustBeChdr() {
    fails(StreamBuilder.stream().chunk("NoDe", w -> w.writeInt(1)).end().bytes(), STRUCTURE, 8, "NoDe");
    fails(StreamBuilder.stream().end().bytes(), STRUCTURE, 8, "CEND");
    fails(StreamBuilder.stream().bytes(), TRUNCATED, 8, "");
  }

  @Test
  void chdrAppearsOnce() {
    StreamBuilder b = withHeader();
    int second = b.position();
    fails(b.header(1, 0, "again").end().bytes(), STRUCTURE, second, "CHDR");
  }

  @Test
  void anUnknownMajorVersionIsRefusedAndALaterMinorIsRead() throws IOException {
    fails(StreamBuilder.stream().header(2, 0, "future").end().bytes(), VERSION, 8, "CHDR");
    byte[] later =
        StreamBuilder.stream()
            .chunk("CHDR", w -> {
              w.writeShort((short) 1);
              w.writeShort((short) 9);
              w.writeString("later");
              w.writeLong(42); // reserved for minor 9: ignored
            })
            .end()
            .bytes();
    Snapshot snapshot = StateReader.read(later, REGISTRY);
    assertEquals("later", snapshot.producer());
    assertEquals(9, snapshot.formatMinor());
  }

  @Test
  void anUnknownMajorVersionIsRefusedWhateverFollowsIt() {
    // Version 2.0 in CHDR's first four bytes, without the producer name version 1 puts after it.
    fails(header((byte) 0, (byte) 2, (byte) 0, (byte) 0), VERSION, 8, "CHDR");
    // Version 1.0 needs its producer name; fewer than the version's four bytes are no version.
    fails(header((byte) 0, (byte) 1, (byte) 0, (byte) 0), LENGTH, 8, "CHDR");
    fails(header((byte) 0, (byte) 2), LENGTH, 8, "CHDR");
  }

  /** A stream of a CHDR with {@code data}, then CEND. */
  private static byte[] header(byte... data) {
    return StreamBuilder.stream().chunk("CHDR", data).end().bytes();
  }

  @Test
  void aShortOrNullProducerIsRefused() {
    fails(StreamBuilder.stream().chunk("CHDR", (byte) 0, (byte) 1).end().bytes(), LENGTH, 8, "CHDR");
    byte[] nullProducer =
        StreamBuilder.stream()
            .chunk("CHDR", w -> {
              w.writeShort((short) 1);
              w.writeShort((short) 0);
              w.writeString(null);
            })
            .end()
            .bytes();
    fails(nullProducer, DATA, 8, "CHDR");
  }

  @Test
  void cendIsLastEmptyAndFinal() {
    StreamBuilder b = withHeader();
    int cend = b.position();
    fails(b.chunk("CEND", (byte) 0).bytes(), STRUCTURE, cend, "CEND");

    b = withHeader().end();
    int after = b.position();
    fails(b.raw((byte) 0).bytes(), TRAILING_DATA, after, "");

    b = withHeader();
    int end = b.position();
    fails(b.bytes(), TRUNCATED, end, "");
  }

  @Test
  void aStreamThatEndsInsideAChunkIsTruncated() {
    byte[] whole = withHeader().chunk("NoDe", w -> w.writeInt(5)).end().bytes();
    int node = 32;
    for (int cut = node + 1; cut < node + 16; cut++) {
      fails(Arrays.copyOf(whole, cut), TRUNCATED, node, cut < node + 8 ? "" : "NoDe");
    }
  }

  @Test
  void aLengthAbove2pow31Minus1IsRefused() {
    StreamBuilder b = withHeader();
    int at = b.position();
    fails(b.rawInt(0x8000_0000).raw("NoDe".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).bytes(), LENGTH, at, "NoDe");
  }

  @Test
  void aClaimedHugeLengthCostsOnlyWhatArrives() {
    // 2^31-1 bytes claimed, 50 present: fails fast under a 64 MiB heap.
    assertTrue(Runtime.getRuntime().maxMemory() <= 64L << 20, "runtime tests run with -Xmx64m");
    StreamBuilder b = withHeader();
    int at = b.position();
    byte[] stream = b.rawInt(Integer.MAX_VALUE).raw("NoDe".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).raw(new byte[50 - at - 8]).bytes();
    assertEquals(50, stream.length);
    fails(stream, TRUNCATED, at, "NoDe");
  }

  @Test
  void typeBytesMustBeLetters() {
    StreamBuilder b = withHeader();
    int at = b.position();
    byte[] stream = b.rawInt(0).raw((byte) 'N', (byte) '0', (byte) 'D', (byte) 'e').rawInt(0).bytes();
    ChunkStreamException e = fails(stream, TYPE, at, "N\\x30De");
    assertTrue(e.getMessage().contains("N\\x30De"), e.getMessage());
  }

  @Test
  void aDamagedChunkFailsWhateverItsProperties() {
    StreamBuilder b = withHeader();
    int at = b.position();
    byte[] stream = b.chunk("zzZz", (byte) 1, (byte) 2).end().bytes();
    stream[at + 8] ^= 0x40;
    fails(stream, CRC, at, "zzZz");
  }

  /** A dESc of a known version is read (and checked); one of a later major is skipped. */
  @Test
  void aDescChunkOfALaterMajorIsSkippedAndReported() throws IOException {
    TypeDescription flags =
        new TypeDescription(
            TestCodecs.FLAGS,
            Flags.class.getName(),
            List.of(FieldDescription.of("on", WireType.Primitive.BOOLEAN, "boolean")),
            List.of());
    byte[] desc = DescChunk.encode(List.of(flags));
    byte[] laterMajor = desc.clone();
    laterMajor[1] = 2; // version 2.0, which no reader knows yet: still just an ancillary chunk
    StreamBuilder b = withHeader();
    int at = b.position();
    Snapshot later = StateReader.read(b.chunk("dESc", laterMajor).end().bytes(), REGISTRY);
    assertEquals(
        List.of(new SkippedChunk(ChunkType.DESC, at, laterMajor.length, "dESc")), later.skipped());
    Snapshot known = StateReader.read(withHeader().chunk("dESc", desc).end().bytes(), REGISTRY);
    assertEquals(List.of(), known.skipped(), "read, not skipped");
    assertEquals(List.of(flags), DescChunk.decode(desc, 8));
  }

  @Test
  void unknownAncillaryChunksAreSkippedAndUnknownCriticalOnesRefused() throws IOException {
    StreamBuilder b = withHeader();
    int at = b.position();
    Snapshot snapshot = StateReader.read(b.chunk("zzZz", (byte) 1, (byte) 2, (byte) 3).end().bytes(), REGISTRY);
    assertEquals(List.of(new SkippedChunk(ChunkType.of("zzZz"), at, 3, "zzZz")), snapshot.skipped());

    b = withHeader();
    at = b.position();
    fails(b.chunk("ZzZz").end().bytes(), UNKNOWN_CRITICAL, at, "ZzZz");
  }

  @Test
  void aReservedBitMakesAKnownCodeUnknown() throws IOException {
    // "NoDe" is known; "Node" (third letter lowercase) is critical with the reserved bit set.
    StreamBuilder b = withHeader();
    int at = b.position();
    ChunkStreamException e = fails(b.chunk("Node", w -> w.writeInt(1)).end().bytes(), UNKNOWN_CRITICAL, at, "Node");
    assertTrue(e.getMessage().contains("reserved bit"), e.getMessage());
    // "flag" is ancillary with the reserved bit set: skipped even though "FlAg" is known.
    b = withHeader();
    at = b.position();
    Snapshot snapshot = StateReader.read(b.chunk("fLag", (byte) 1).end().bytes(), REGISTRY);
    assertEquals("fLag", snapshot.skipped().get(0).path());
  }

  @Test
  void subChunksFollowTheSameRules() throws IOException {
    // Node(1) holding an unknown ancillary, then its child.
    StreamBuilder b = withHeader();
    int node = b.position();
    int sub = node + 8 + 4;
    byte[] stream =
        b.chunk("NoDe", TestCodecs::nodeWithUnknownSubChunk).end().bytes();
    Snapshot snapshot = StateReader.read(stream, REGISTRY);
    assertEquals(new Node(1, new Node(2, null)), snapshot.get(Node.class));
    assertEquals(List.of(new SkippedChunk(ChunkType.of("qqQq"), sub, 1, "NoDe/qqQq")), snapshot.skipped());

    byte[] critical =
        withHeader()
            .chunk("NoDe", w -> {
              w.writeInt(1);
              w.endChunk(w.beginChunk(ChunkType.of("QqQq")));
            })
            .end()
            .bytes();
    fails(critical, UNKNOWN_CRITICAL, sub, "NoDe/QqQq");
  }

  @Test
  void aSecondSubChunkForASingleFieldIsRefused() {
    TestCodecs.NodeCodec nodes = new TestCodecs.NodeCodec();
    byte[] stream =
        withHeader()
            .chunk("NoDe", w -> {
              w.writeInt(1);
              w.writeChunk(nodes, new Node(2, null));
              w.writeChunk(nodes, new Node(3, null));
            })
            .end()
            .bytes();
    int second = 32 + 8 + 4 + 16;
    fails(stream, STRUCTURE, second, "NoDe/NoDe");
  }

  @Test
  void headerAndEndChunksBelongAtTheTopLevel() {
    for (String code : List.of("CHDR", "CEND")) {
      byte[] stream =
          withHeader()
              .chunk("NoDe", w -> {
                w.writeInt(1);
                w.endChunk(w.beginChunk(ChunkType.of(code)));
              })
              .end()
              .bytes();
      fails(stream, STRUCTURE, 32 + 8 + 4, "NoDe/" + code);
    }
  }

  @Test
  void subChunkFramingIsChecked() {
    int node = 32;
    int sub = node + 8 + 4;
    // A sub-chunk whose length runs past its parent.
    // Bytes that do not form a chunk are reported at the parent, and never named as a type: they
    // may be inline fields of another version (SPEC §4).
    fails(
        withHeader().chunk("NoDe", w -> { w.writeInt(1); w.writeInt(100); w.writeInt(ChunkType.of("NoDe").value()); w.writeInt(0); }).end().bytes(),
        LENGTH, node, "NoDe");
    // Leftover bytes too few to be a chunk.
    fails(withHeader().chunk("NoDe", w -> { w.writeInt(1); w.writeShort((short) 0); }).end().bytes(), LENGTH, node, "NoDe");
    // A bad type byte and a bad CRC in a sub-chunk.
    fails(
        withHeader().chunk("NoDe", w -> { w.writeInt(1); w.writeInt(0); w.writeInt(0x4e6f4401); w.writeInt(0); }).end().bytes(),
        TYPE, node, "NoDe");
    fails(
        withHeader().chunk("NoDe", w -> { w.writeInt(1); w.writeInt(0); w.writeInt(ChunkType.of("qqQq").value()); w.writeInt(0); }).end().bytes(),
        CRC, sub, "NoDe/qqQq");
  }

  /** A later version of NoDe's codec, which has one more inline field than the stream. */
  private static final class WiderNodeCodec implements ChunkCodec<Node> {
    @Override
    public ChunkType type() {
      return TestCodecs.NODE;
    }

    @Override
    public Class<Node> stateClass() {
      return Node.class;
    }

    @Override
    public void encode(Node v, WireWriter out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Node decode(WireReader in) throws ChunkStreamException {
      int depth = in.readInt();
      in.readInt(); // the field this version added inline: from the stream, the sub-chunk's length
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Node(depth, null);
    }
  }

  /**
   * A reader whose class has one more inline field than the stream's reads the first bytes of the
   * sub-chunk as that field: the rest is reported at the parent as a layout difference, and bytes
   * that failed to parse are never named as a type code.
   */
  @Test
  void anInlineLayoutThatDiffersIsReportedAtTheParent() throws IOException {
    byte[] stream = write(new Node(1, new Node(2, null)));
    ChunkRegistry wider = ChunkRegistry.of(new WiderNodeCodec());
    for (Sources source : Sources.values()) {
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class, () -> StateReader.read(source.open(stream), wider));
      assertEquals(LENGTH, e.kind(), e.getMessage());
      assertEquals(32, e.offset(), e.getMessage());
      assertEquals("NoDe", e.path(), e.getMessage());
      assertTrue(e.getMessage().contains("inline layout of NoDe differs"), e.getMessage());
    }
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWithoutOverflowingTheStack() throws IOException {
    Node deep = null;
    for (int i = ReadOptions.MAX_NESTING; i >= 0; i--) {
      deep = new Node(i, deep);
    }
    Snapshot ok = StateReader.read(write(deep), REGISTRY);
    assertEquals(deep, ok.get(Node.class));

    // No writer writes one level more (SPEC §4), so the stream is built by hand.
    byte[] tooDeep = withHeader().chunk("NoDe", w -> nest(w, ReadOptions.MAX_NESTING + 1)).end().bytes();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(tooDeep, REGISTRY));
    assertEquals(STRUCTURE, e.kind());
    assertEquals(ReadOptions.MAX_NESTING + 2, e.path().split("/").length);
  }

  /** The data of a NoDe with {@code levels} levels of NoDe sub-chunks below it. */
  private static void nest(WireWriter w, int levels) {
    w.writeInt(levels);
    if (levels > 0) {
      int mark = w.beginChunk(TestCodecs.NODE);
      nest(w, levels - 1);
      w.endChunk(mark);
    }
  }

  @Test
  void invalidValuesAreDataErrors() {
    int flags = 32;
    // boolean 02
    fails(withHeader().chunk("FlAg", w -> { w.writeByte((byte) 2); w.writeString("x"); w.writeString(null); w.writeInts(null); }).end().bytes(), DATA, flags, "FlAg");
    // malformed UTF-8 (a lone continuation byte, an overlong '/')
    for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
      fails(withHeader().chunk("FlAg", w -> { w.writeBoolean(true); w.writeBytes(bad); w.writeString(null); w.writeInts(null); }).end().bytes(), DATA, flags, "FlAg");
    }
    // an enum constant the reader lacks
    ChunkStreamException e = fails(withHeader().chunk("FlAg", w -> { w.writeBoolean(true); w.writeString("x"); w.writeString("BLUE"); w.writeInts(null); }).end().bytes(), DATA, flags, "FlAg");
    assertTrue(e.getMessage().contains("BLUE"), e.getMessage());
  }

  @Test
  void countsAreCheckedAgainstTheRemainingData() {
    int flags = 32;
    // 1000 ints claimed, 8 bytes present
    fails(withHeader().chunk("FlAg", w -> { w.writeBoolean(true); w.writeString(null); w.writeString(null); w.writeInt(1000); w.writeLong(0); }).end().bytes(), LENGTH, flags, "FlAg");
    // a count above 2^31-1 that is not the null count
    fails(withHeader().chunk("FlAg", w -> { w.writeBoolean(true); w.writeInt(0x8000_0000); }).end().bytes(), LENGTH, flags, "FlAg");
    // Integer.MAX_VALUE ints claimed: never allocated
    fails(withHeader().chunk("FlAg", w -> { w.writeBoolean(true); w.writeString(null); w.writeString(null); w.writeInt(Integer.MAX_VALUE); }).end().bytes(), LENGTH, flags, "FlAg");
  }

  @ParameterizedTest
  @EnumSource(Sources.class)
  void aCodecThatLeavesDataUnreadFailsTheStream(Sources source) throws IOException {
    ChunkRegistry lazy = ChunkRegistry.of(new TestCodecs.LazyCodec());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "test", lazy)) {
      writer.write(new Node(1, null));
      writer.finish();
    }
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(source.open(out.toByteArray()), lazy));
    assertEquals(LENGTH, e.kind());
    assertEquals("LaZy", e.path());
  }

  /** A careless caller learns which argument was null, in the order the reads check them. */
  @Test
  void aNullArgumentToAReadOfAnArrayIsNamed() {
    byte[] bytes = withHeader().end().bytes();
    ChunkRegistry registry = TestCodecs.registry();
    ReadOptions options = ReadOptions.defaults();
    assertEquals("bytes", nullNamed(() -> StateReader.read((byte[]) null, registry, options)));
    assertEquals("registry", nullNamed(() -> StateReader.read(bytes, null, options)));
    assertEquals("options", nullNamed(() -> StateReader.read(bytes, registry, null)));
    assertEquals("registry", nullNamed(() -> StateReader.read(bytes, null, null)));
  }

  private static String nullNamed(Executable read) {
    return assertThrows(NullPointerException.class, read).getMessage();
  }
}

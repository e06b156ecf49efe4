package io.chunkstate.framing;

import static io.chunkstate.testing.StreamBuilder.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.testing.LargeChunks;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.testing.Structures;
import io.chunkstate.testing.Sources;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Edits at depth, order, the sources, and every way the input or the edits can be wrong. */
class ChunkEditorTest {
  private static final ChunkEditor.Structure STRUCTURE =
      Structures.fixed(Map.of("PaRt", 4, "MiDd", 2, "TaRg", 1, "nOte", 0));
  private static final ChunkEditor EDITOR = ChunkEditor.of(Signature.CHUNKSTATE, STRUCTURE);

  /** PaRt { int 1; MiDd { short 2; the sub-chunks of {@code first} }; MiDd { short 3 } }. */
  private static Consumer<WireWriter> part(Consumer<WireWriter> first, Consumer<WireWriter> second) {
    return w -> {
      w.writeInt(1);
      int mark = w.beginChunk(ChunkType.of("MiDd"));
      w.writeShort((short) 2);
      first.accept(w);
      w.endChunk(mark);
      mark = w.beginChunk(ChunkType.of("MiDd"));
      w.writeShort((short) 3);
      second.accept(w);
      w.endChunk(mark);
    };
  }

  private static Consumer<WireWriter> chunks(String... codes) {
    return w -> {
      for (String code : codes) {
        int mark = w.beginChunk(ChunkType.of(code));
        w.writeRaw(code.getBytes(), 0, 1);
        w.endChunk(mark);
      }
    };
  }

  private static final byte[] INPUT =
      withHeader()
          .chunk("PaRt", part(chunks("aaAa", "bbBb", "ccCc"), chunks()))
          .chunk("TaRg", (byte) 9)
          .end()
          .bytes();

  private static byte[] copy(ChunkEditor editor, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    editor.copy(input, out);
    return out.toByteArray();
  }

  @Test
  void withoutEditsTheCopyIsTheInput() throws IOException {
    assertArrayEquals(INPUT, copy(EDITOR, INPUT));
  }

  @Test
  void insertsAndRemovesAtDepthAndKeepsTheOrder() throws IOException {
    ChunkPath middle = ChunkPath.parse("PaRt/MiDd");
    ChunkEditor editor =
        EDITOR
            .remove(middle.child(ChunkType.of("bbBb"), 0))
            .insertBefore(middle.child(ChunkType.of("ccCc"), 0), ChunkType.of("ddDd"), bytes("d"))
            .insertAfter(middle.child(ChunkType.of("aaAa"), 0), ChunkType.of("eeEe"), bytes("e"))
            .append(ChunkPath.parse("PaRt/MiDd[1]"), ChunkType.of("ffFf"), bytes("f"))
            .append(ChunkPath.ROOT, ChunkType.of("ggGg"), bytes("g"));
    assertFalse(editor.changesCritical());
    byte[] expected =
        withHeader()
            .chunk("PaRt", part(chunks("aaAa", "eeEe", "ddDd", "ccCc"), chunks("ffFf")))
            .chunk("TaRg", (byte) 9)
            .chunk("ggGg", bytes("g"))
            .end()
            .bytes();
    assertArrayEquals(expected, copy(editor, INPUT));
  }

  @Test
  void replacesAChunkAtDepthWithTheDataGiven() throws IOException {
    byte[] data = withHeader().bytes(); // any bytes: the data is the caller's
    ChunkEditor editor = EDITOR.replace(ChunkPath.parse("PaRt/MiDd/bbBb"), data);
    assertFalse(editor.changesCritical());
    byte[] expected =
        withHeader()
            .chunk(
                "PaRt",
                part(
                    w -> {
                      chunks("aaAa").accept(w);
                      int mark = w.beginChunk(ChunkType.of("bbBb"));
                      w.writeRaw(data, 0, data.length);
                      w.endChunk(mark);
                      chunks("ccCc").accept(w);
                    },
                    chunks()))
            .chunk("TaRg", (byte) 9)
            .end()
            .bytes();
    assertArrayEquals(expected, copy(editor, INPUT));
  }

  @Test
  void aCriticalChangeDropsUnsafeChunksBeforeAndAfterItAndReportsThem() throws IOException {
    byte[] input =
        withHeader()
            .chunk("unSF", (byte) 1)
            .chunk("PaRt", part(chunks("unSF", "saFe"), chunks()))
            .chunk("TaRg", (byte) 9)
            .chunk("unSF", (byte) 2)
            .end()
            .bytes();
    // The same bytes, but a critical chunk replaced all the same.
    ChunkEditor editor = EDITOR.replace(ChunkPath.parse("PaRt/MiDd[1]"), new byte[] {0, 3});
    assertTrue(editor.changesCritical());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<SkippedChunk> dropped = editor.copy(input, out);
    byte[] expected =
        withHeader()
            .chunk("PaRt", part(chunks("saFe"), chunks()))
            .chunk("TaRg", (byte) 9)
            .end()
            .bytes();
    assertArrayEquals(expected, out.toByteArray());
    long first = withHeader().position();
    long nested = first + 13 + 8 + 4 + 8 + 2; // PaRt's header and int, MiDd's header and short
    long last = input.length - 12 - 13;
    assertEquals(
        List.of(
            new SkippedChunk(ChunkType.of("unSF"), first, 1, "unSF"),
            new SkippedChunk(ChunkType.of("unSF"), nested, 1, "PaRt/MiDd/unSF"),
            new SkippedChunk(ChunkType.of("unSF"), last, 1, "unSF")),
        dropped);
  }

  @Test
  void stripAncillaryRemovesEveryAncillaryChunkAtAnyDepthAndChangesNoCriticalChunk()
      throws IOException {
    byte[] input =
        withHeader()
            .chunk("dESc", (byte) 1)
            .chunk("nOte")
            .chunk("PaRt", part(chunks("aaAa", "unSF", "XxXx"), chunks("unSF")))
            .chunk("TaRg", (byte) 9)
            .end()
            .bytes();
    ChunkEditor strip = EDITOR.stripAncillary();
    assertFalse(strip.changesCritical());
    Map<String, Integer> known = Map.of("PaRt", 4, "MiDd", 2, "TaRg", 1, "XxXx", 1);
    ChunkEditor editor =
        ChunkEditor.of(Signature.CHUNKSTATE, Structures.fixed(known)).stripAncillary();
    byte[] expected =
        withHeader()
            .chunk("PaRt", part(chunks("XxXx"), chunks()))
            .chunk("TaRg", (byte) 9)
            .end()
            .bytes();
    assertArrayEquals(expected, copy(editor, input));
  }

  @Test
  void removeAllRemovesAKnownCriticalTypeAtAnyDepthAsACriticalChange() throws IOException {
    byte[] input =
        withHeader()
            .chunk("unSF", (byte) 1)
            .chunk("PaRt", part(chunks("saFe"), chunks()))
            .chunk("MiDd", (byte) 0, (byte) 7)
            .end()
            .bytes();
    ChunkEditor editor = EDITOR.removeAll(ChunkType.of("MiDd"));
    assertTrue(editor.changesCritical());
    byte[] expected = withHeader().chunk("PaRt", w -> w.writeInt(1)).end().bytes();
    assertArrayEquals(expected, copy(editor, input));
  }

  @Test
  void anInputStreamGivesTheSameOutputAsAByteArrayWhateverItsReads() throws IOException {
    List<ChunkEditor> editors =
        List.of(
            EDITOR,
            EDITOR.stripAncillary(),
            EDITOR.remove(ChunkPath.parse("PaRt/MiDd/aaAa")).append(
                ChunkPath.parse("PaRt"), ChunkType.of("TaRg"), new byte[] {1}),
            EDITOR.replace(ChunkPath.parse("PaRt"), new byte[] {0, 0, 0, 0}));
    for (ChunkEditor editor : editors) {
      byte[] fromArray = copy(editor, INPUT);
      for (Sources source : Sources.values()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        editor.copy(source.open(INPUT), out);
        assertArrayEquals(fromArray, out.toByteArray(), source.name());
      }
    }
  }

  @Test
  void everyCutOfTheInputFailsAndLeavesNoCompleteStream() throws IOException {
    for (int n = 0; n < INPUT.length; n++) {
      byte[] cut = Arrays.copyOf(INPUT, n);
      for (Sources source : List.of(Sources.WHOLE, Sources.ONE_BYTE_AT_A_TIME)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkStreamException e =
            assertThrows(ChunkStreamException.class, () -> EDITOR.copy(source.open(cut), out));
        assertEquals(n < 8 ? Kind.SIGNATURE : Kind.TRUNCATED, e.kind(), "cut at " + n);
        assertFalse(Streams.holdsCend(out.toByteArray()), "cut at " + n);
      }
    }
  }

  @Test
  void damagedInputFailsAsAReaderWouldAtAnyDepth() throws IOException {
    int nested = withHeader().position() + 8 + 4 + 8 + 2 + 13; // PaRt/MiDd/bbBb
    byte[] damaged =
        withHeader()
            .chunk(
                "PaRt",
                part(
                    w -> {
                      chunks("aaAa").accept(w);
                      w.writeInt(1);
                      w.writeInt(ChunkType.of("bbBb").value());
                      w.writeByte((byte) 'b');
                      w.writeInt(0); // not its CRC
                      chunks("ccCc").accept(w);
                    },
                    chunks()))
            .chunk("TaRg", (byte) 9)
            .end()
            .bytes();
    // Even where the edit removes the damaged chunk.
    assertFails(Kind.CRC, nested, "PaRt/MiDd/bbBb", EDITOR, damaged);
    assertFails(Kind.CRC, nested, "PaRt/MiDd/bbBb",
        EDITOR.remove(ChunkPath.parse("PaRt/MiDd/bbBb")), damaged);
    damaged = INPUT.clone();
    damaged[nested + 8] ^= 1; // the top-level chunk's CRC breaks first, as for a reader
    assertFails(Kind.CRC, withHeader().position(), "PaRt", EDITOR, damaged);

    int target = INPUT.length - 12 - 13;
    damaged = INPUT.clone();
    damaged[target + 8] ^= 1;
    assertFails(Kind.CRC, target, "TaRg", EDITOR.remove(ChunkPath.parse("TaRg")), damaged);

    byte[] trailing = Arrays.copyOf(INPUT, INPUT.length + 1);
    assertFails(Kind.TRAILING_DATA, INPUT.length, "", EDITOR, trailing);

    int chdr = 8;
    assertFails(Kind.STRUCTURE, chdr, "PaRt", EDITOR,
        StreamBuilder.stream().chunk("PaRt", new byte[4]).end().bytes());
    assertFails(Kind.STRUCTURE, withHeader().position(), "CHDR", EDITOR,
        withHeader().header(1, 0, "again").end().bytes());
    assertFails(Kind.STRUCTURE, withHeader().position(), "CEND", EDITOR,
        withHeader().chunk("CEND", (byte) 1).bytes());
    assertFails(Kind.STRUCTURE, withHeader().position() + 12, "PaRt/CEND", EDITOR,
        withHeader().chunk("PaRt", w -> {
          w.writeInt(1);
          w.endChunk(w.beginChunk(ChunkType.CEND));
        }).end().bytes());
    assertFails(Kind.VERSION, chdr, "CHDR", EDITOR,
        StreamBuilder.stream().header(2, 0, "test").end().bytes());
    assertFails(Kind.VERSION, chdr, "CHDR", EDITOR,
        StreamBuilder.stream().chunk("CHDR", (byte) 0, (byte) 2, (byte) 0, (byte) 0).end().bytes());
    assertFails(Kind.DATA, chdr, "CHDR", EDITOR,
        StreamBuilder.stream().header(1, 0, null).end().bytes());
    assertFails(Kind.LENGTH, withHeader().position(), "PaRt", EDITOR,
        withHeader().chunk("PaRt", (byte) 1).end().bytes());
    assertFails(Kind.LENGTH, withHeader().position(), "PaRt", EDITOR,
        withHeader().chunk("PaRt", new byte[] {0, 0, 0, 1, 9, 9}).end().bytes());
    assertFails(Kind.TYPE, withHeader().position(), "PaRt", EDITOR,
        withHeader().chunk("PaRt", w -> {
          w.writeInt(1);
          w.writeInt(0);
          w.writeInt(0x31323334);
          w.writeInt(0);
        }).end().bytes());
  }

  @Test
  void subChunksNestAtMost64LevelsAsTheReaderHolds() throws IOException {
    ChunkEditor editor =
        ChunkEditor.of(Signature.CHUNKSTATE, Structures.fixed(Map.of("NoDe", 0)));
    byte[] deepest = withHeader().chunk("NoDe", nodes(64)).end().bytes();
    assertArrayEquals(deepest, copy(editor, deepest));
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> copy(editor, withHeader().chunk("NoDe", nodes(65)).end().bytes()));
    assertEquals(Kind.STRUCTURE, e.kind());
    assertEquals(65, e.path().split("/").length - 1);
  }

  private static Consumer<WireWriter> nodes(int levels) {
    return w -> {
      if (levels > 0) {
        int mark = w.beginChunk(ChunkType.of("NoDe"));
        nodes(levels - 1).accept(w);
        w.endChunk(mark);
      }
    };
  }

  @Test
  void anEditThatFindsNoChunkFailsBeforeTheStreamIsComplete() throws IOException {
    // Each edit's path, and the first step of it that the stream does not hold.
    Map<String, String> missing =
        Map.of(
            "PaRt[1]", "PaRt[1]",
            "PaRt/MiDd[2]", "PaRt/MiDd[2]",
            "PaRt/MiDd/zzZz", "PaRt/MiDd/zzZz",
            "PaRt[1]/MiDd", "PaRt[1]");
    for (Map.Entry<String, String> path : missing.entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChunkEditor editor =
          EDITOR.insertAfter(ChunkPath.parse(path.getKey()), ChunkType.of("nOte"), bytes(""));
      NoSuchElementException e =
          assertThrows(NoSuchElementException.class, () -> editor.copy(INPUT, out));
      assertEquals(
          "the stream holds no chunk " + path.getValue() + " for an edit to address",
          e.getMessage());
      assertFalse(Streams.holdsCend(out.toByteArray()), path.getKey());
    }
  }

  @Test
  void contradictoryEditsAreRefusedWhenTheyAreMade() {
    ChunkPath part = ChunkPath.parse("PaRt");
    ChunkPath middle = ChunkPath.parse("PaRt/MiDd");
    ChunkType note = ChunkType.of("nOte");
    byte[] none = new byte[0];
    List<Executable> refused =
        List.of(
            () -> EDITOR.remove(part).remove(part),
            () -> EDITOR.remove(part).replace(part, none),
            () -> EDITOR.remove(middle).remove(part),
            () -> EDITOR.replace(part, none).append(part, note, none),
            () -> EDITOR.remove(ChunkPath.parse("PaRt/aaAa/bbBb")),
            () -> EDITOR.append(ChunkPath.parse("PaRt/aaAa"), note, none),
            () -> EDITOR.remove(ChunkPath.parse("XxXx")),
            () -> EDITOR.insertAfter(ChunkPath.parse("TaRg/XxXx"), note, none),
            () -> EDITOR.removeAll(ChunkType.of("XxXx")),
            () -> EDITOR.removeAll(ChunkType.of("PaRt")).remove(middle),
            () -> EDITOR.stripAncillary().remove(ChunkPath.parse("nOte")),
            () -> EDITOR.stripAncillary().append(part, note, none),
            () -> EDITOR.remove(ChunkPath.parse("CHDR")),
            () -> EDITOR.insertBefore(ChunkPath.parse("CHDR"), note, none),
            () -> EDITOR.insertAfter(ChunkPath.parse("CEND"), note, none),
            () -> EDITOR.append(ChunkPath.ROOT, ChunkType.CEND, none),
            () -> EDITOR.removeAll(ChunkType.CHDR),
            () -> EDITOR.remove(ChunkPath.ROOT));
    for (Executable edit : refused) {
      assertThrows(IllegalArgumentException.class, edit);
    }
    // Beside a removed chunk, or beside CHDR and CEND on the inside, edits are fine.
    EDITOR.remove(part).insertBefore(part, note, none).insertAfter(part, note, none);
    EDITOR.insertAfter(ChunkPath.parse("CHDR"), note, none)
        .insertBefore(ChunkPath.parse("CEND"), note, none);
  }

  @Test
  void hostileInputFailsWithAChunkStreamExceptionOnly() throws IOException {
    Random random = new Random(10);
    List<ChunkEditor> editors =
        List.of(
            EDITOR.stripAncillary(),
            EDITOR.removeAll(ChunkType.of("MiDd")),
            EDITOR.remove(ChunkPath.parse("PaRt/MiDd/bbBb"))
                .append(ChunkPath.parse("PaRt/MiDd[1]"), ChunkType.of("zzZz"), new byte[3]));
    for (int i = 0; i < 3000; i++) {
      byte[] hostile = INPUT.clone();
      int at = 8 + random.nextInt(hostile.length - 8);
      switch (random.nextInt(3)) {
        case 0 -> hostile[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> hostile[at] = (byte) random.nextInt(256);
        default -> {
          int word = Math.min(at, hostile.length - 4);
          int value = List.of(0, -1, Integer.MAX_VALUE, 0x80000000, random.nextInt(64))
              .get(random.nextInt(5));
          hostile[word] = (byte) (value >>> 24);
          hostile[word + 1] = (byte) (value >>> 16);
          hostile[word + 2] = (byte) (value >>> 8);
          hostile[word + 3] = (byte) value;
        }
      }
      for (ChunkEditor editor : editors) {
        try {
          copy(editor, hostile);
        } catch (ChunkStreamException expected) {
          // the one way to fail on bad bytes
        } catch (NoSuchElementException missing) {
          // the edits name a chunk that the damage turned into another
          assertTrue(editor != editors.get(0) && editor != editors.get(1), missing.getMessage());
        }
      }
    }
  }

  private static void assertFails(
      Kind kind, long offset, String path, ChunkEditor editor, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> editor.copy(input, out));
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertEquals(path, e.path(), e.getMessage());
    assertFalse(Streams.holdsCend(out.toByteArray()), e.getMessage());
  }

  private static byte[] bytes(String s) {
    return s.getBytes();
  }

  @Test
  void aKnownChunkTooLargeForTheBudgetFailsTheCopyWithLimit() throws IOException {
    // 40 MiB of a known chunk through the 64 MiB test heap: it is held while it is walked.
    byte[] head = withHeader().bytes();
    byte[] cend = StreamBuilder.stream().end().bytes();
    byte[] tail = Arrays.copyOfRange(cend, cend.length - 12, cend.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () ->
                EDITOR.copy(
                    LargeChunks.between(head, ChunkType.of("TaRg"), 40 << 20, tail), out));
    assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
    assertEquals(head.length, e.offset(), e.getMessage());
    assertEquals("TaRg", e.path(), e.getMessage());
    assertFalse(Streams.holdsCend(out.toByteArray()), e.getMessage());

    StreamBuilder b = withHeader();
    int at = b.position();
    byte[] input =
        b.chunk("TaRg", w -> {
          w.writeByte((byte) 9);
          int mark = w.beginChunk(ChunkType.of("zzZz")); // walked: TaRg is held
          w.writeRaw(new byte[200 << 10], 0, 200 << 10);
          w.endChunk(mark);
        }).end().bytes();
    e =
        assertThrows(
            ChunkStreamException.class,
            () -> EDITOR.copy(Sources.WHOLE.open(input), new ByteArrayOutputStream(), 128 << 10));
    assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
    assertEquals(at, e.offset(), e.getMessage());
    assertEquals("TaRg", e.path(), e.getMessage());
    assertTrue(e.getMessage().contains("ChunkEditor.copy(in, out, allocationBudget)"));
    ByteArrayOutputStream copied = new ByteArrayOutputStream();
    EDITOR.copy(Sources.WHOLE.open(input), copied, 1 << 20);
    assertArrayEquals(copy(EDITOR, input), copied.toByteArray());
  }
}

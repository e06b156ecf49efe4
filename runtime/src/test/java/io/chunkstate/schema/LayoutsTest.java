package io.chunkstate.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.WireType.Primitive;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The walk over inline fields finds where sub-chunks begin, for every wire type of SPEC §4. */
class LayoutsTest {
  private static final ChunkType TYPE = ChunkType.of("LaYo");
  private static final long OFFSET = 100;

  private static final WireType.Struct POINT =
      new WireType.Struct(
          "p.Point",
          List.of(
              FieldDescription.of("x", Primitive.INT, "int"),
              FieldDescription.of("label", WireType.TEXT, "String")));
  private static final WireType.Struct OUTER =
      new WireType.Struct(
          "p.Outer",
          List.of(
              FieldDescription.of("point", POINT, "p.Point"),
              FieldDescription.of("n", new WireType.Boxed(Primitive.LONG), "Long")));

  private static Layouts layouts(WireType... wires) {
    List<FieldDescription> fields =
        Arrays.stream(wires).map(w -> FieldDescription.of("f", w, "?")).toList();
    return Layouts.of(List.of(new TypeDescription(TYPE, "p.LaYo", fields, List.of())));
  }

  private static int inlineLength(Layouts layouts, byte[] data) throws ChunkStreamException {
    return layouts.inlineLength(RawChunk.wrap(TYPE, OFFSET, data, 0, data.length), "PaRt/LaYo");
  }

  /**
   * The inline fields {@code write} writes are found to end where they end, with a sub-chunk after
   * them; every shorter prefix of them fails with {@code LENGTH} at the chunk.
   */
  private static void walks(WireType wire, Consumer<WireWriter> write) throws Exception {
    Layouts layouts = layouts(wire);
    WireWriter w = new WireWriter();
    write.accept(w);
    int inline = w.size();
    w.endChunk(w.beginChunk(ChunkType.of("suBs")));
    byte[] data = w.toByteArray();
    assertEquals(inline, inlineLength(layouts, data), wire.descriptor());
    for (int n = 0; n < inline; n++) {
      byte[] cut = Arrays.copyOf(data, n);
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> inlineLength(layouts, cut));
      assertEquals(Kind.LENGTH, e.kind(), e.getMessage());
      assertEquals(OFFSET, e.offset());
      assertEquals("PaRt/LaYo", e.path());
    }
  }

  @Test
  void primitivesTakeTheirWidth() throws Exception {
    for (Primitive p : Primitive.values()) {
      walks(p, w -> w.writeRaw(new byte[p.width()], 0, p.width()));
    }
  }

  @Test
  void boxedValuesTakeAPresenceByteAndThePrimitive() throws Exception {
    WireType boxed = new WireType.Boxed(Primitive.DOUBLE);
    walks(boxed, w -> w.writePresence(null));
    walks(boxed, w -> {
      w.writePresence(true);
      w.writeDouble(1.5);
    });
  }

  @Test
  void stringsAndEnumsTakeACountAndTheirBytes() throws Exception {
    walks(WireType.TEXT, w -> w.writeString(null));
    walks(WireType.TEXT, w -> w.writeString(""));
    walks(WireType.TEXT, w -> w.writeString("h\u00e9llo"));
    walks(new WireType.EnumType("p.Mode", List.of("ON", "OFF")), w -> w.writeString("OFF"));
  }

  @Test
  void enumsByValueTakeAPresenceByteAndAnInt() throws Exception {
    WireType speed = new WireType.EnumValueType("p.Speed", List.of("TEN"), List.of(10));
    walks(speed, w -> w.writeByte((byte) 0));
    walks(speed, w -> {
      w.writeByte((byte) 1);
      w.writeInt(10);
    });
    walks(new WireType.Sequence(speed), w -> {
      w.writeCount(2);
      w.writeByte((byte) 0);
      w.writeByte((byte) 1);
      w.writeInt(10);
    });
    assertFails(Kind.DATA, layouts(speed), new byte[] {2, 0, 0, 0, 10});
  }

  @Test
  void sequencesTakeACountAndEachElement() throws Exception {
    walks(new WireType.Sequence(Primitive.INT), w -> w.writeInts(null));
    walks(new WireType.Sequence(Primitive.INT), w -> w.writeInts(new int[] {1, 2, 3}));
    walks(new WireType.Sequence(Primitive.BYTE), w -> w.writeBytes(new byte[] {1, 2}));
    walks(new WireType.Sequence(WireType.TEXT), w -> {
      w.writeCount(3);
      w.writeString("a");
      w.writeString(null);
      w.writeString("bc");
    });
    walks(new WireType.Sequence(new WireType.Boxed(Primitive.SHORT)), w -> {
      w.writeCount(2);
      w.writePresence(null);
      w.writePresence(true);
      w.writeShort((short) 5);
    });
    walks(new WireType.Sequence(new WireType.Sequence(Primitive.LONG)), w -> {
      w.writeCount(2);
      w.writeLongs(new long[] {7});
      w.writeLongs(null);
    });
    walks(new WireType.Sequence(POINT), w -> {
      w.writeCount(2);
      w.writePresence(null);
      w.writePresence(true);
      w.writeInt(1);
      w.writeString("p");
    });
  }

  @Test
  void structsTakeAPresenceByteAndTheirFieldsNestedOrNot() throws Exception {
    walks(OUTER, w -> w.writePresence(null));
    walks(OUTER, w -> {
      w.writePresence(true);
      w.writePresence(true);
      w.writeInt(3);
      w.writeString("x");
      w.writePresence(true);
      w.writeLong(9);
    });
  }

  @Test
  void severalFieldsFollowOneAnother() throws Exception {
    Layouts layouts = layouts(Primitive.BOOLEAN, WireType.TEXT, new WireType.Sequence(POINT));
    WireWriter w = new WireWriter();
    w.writeBoolean(true);
    w.writeString("name");
    w.writeCount(0);
    assertEquals(w.size(), inlineLength(layouts, w.toByteArray()));
  }

  @Test
  void badCountsAndPresenceBytesFailAtTheChunk() {
    assertFails(Kind.DATA, layouts(OUTER), new byte[] {2});
    assertFails(Kind.DATA, layouts(new WireType.Boxed(Primitive.INT)), new byte[] {(byte) 0xff});
    WireType ints = new WireType.Sequence(Primitive.INT);
    assertFails(Kind.LENGTH, layouts(ints), new byte[] {(byte) 0x80, 0, 0, 0});
    assertFails(Kind.LENGTH, layouts(ints), new byte[] {0, 0, 0, 2, 0, 0, 0, 1});
    assertFails(Kind.LENGTH, layouts(WireType.TEXT), new byte[] {0x7f, (byte) 0xff, -1, -1, 1});
    // A count the data could hold only if each struct took no byte at all.
    assertFails(
        Kind.LENGTH, layouts(new WireType.Sequence(POINT)), new byte[] {0, 0, 0, 5, 0, 0, 0});
  }

  @Test
  void hostileDataFailsWithAChunkStreamExceptionOnly() {
    Layouts layouts =
        layouts(
            OUTER,
            new WireType.Sequence(new WireType.Sequence(WireType.TEXT)),
            new WireType.Sequence(OUTER),
            new WireType.Boxed(Primitive.INT));
    Random random = new Random(4);
    for (int i = 0; i < 20_000; i++) {
      byte[] data = new byte[random.nextInt(40)];
      for (int j = 0; j < data.length; j++) {
        // Mostly small bytes, so that presence bytes and counts are often valid.
        data[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(3));
      }
      try {
        int n = inlineLength(layouts, data);
        assertTrue(n >= 0 && n <= data.length);
      } catch (ChunkStreamException expected) {
        assertEquals(OFFSET, expected.offset());
      }
    }
  }

  @Test
  void aTypeIsKnownWhenDescribedAndItsReservedBitIsClear() {
    TypeDescription reserved =
        new TypeDescription(ChunkType.of("LayO"), "p.R", List.of(), List.of());
    Layouts layouts =
        Layouts.of(List.of(reserved, new TypeDescription(TYPE, "p.L", List.of(), List.of())));
    assertTrue(layouts.knows(TYPE));
    assertFalse(layouts.knows(ChunkType.of("LayO")));
    assertFalse(layouts.knows(ChunkType.of("OthR")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Layouts.of(List.of(
            new TypeDescription(TYPE, "p.A", List.of(), List.of()),
            new TypeDescription(TYPE, "p.B", List.of(), List.of()))));
  }

  private static void assertFails(Kind kind, Layouts layouts, byte[] data) {
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> inlineLength(layouts, data));
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(OFFSET, e.offset());
    assertEquals("PaRt/LaYo", e.path());
  }

  @Test
  void aDeclaredCodeIsKnownInsideItsParentOnlyAndWalkedAsItsStruct() throws Exception {
    ChunkType timer = ChunkType.of("TiMr"); // critical: an editor stops at it where unknown
    TypeDescription hpet =
        new TypeDescription(
            ChunkType.of("HpEt"),
            "p.Hpet",
            List.of(FieldDescription.of("id", Primitive.INT, "int")),
            List.of(SubChunkField.declared("timer", timer, POINT)));
    TypeDescription rtc =
        new TypeDescription(ChunkType.of("RtCc"), "p.Rtc", List.of(), List.of());
    Layouts layouts = Layouts.of(List.of(hpet, rtc));
    assertFalse(layouts.knows(timer), "not at the top level");
    assertFalse(layouts.inside(rtc.type()).knows(timer), "not under another parent");
    Layouts inHpet = layouts.inside(hpet.type());
    assertTrue(inHpet.knows(timer));
    assertTrue(inHpet.knows(rtc.type()), "class codes stay known everywhere");
    assertFalse(inHpet.inside(timer).knows(timer), "inside the struct's sub-chunk, none is");

    WireWriter point = new WireWriter();
    point.writeInt(5); // the data is POINT's fields: x, then label
    point.writeString("ab");
    int later = point.beginChunk(ChunkType.of("laTr")); // a sub-chunk after them
    point.endChunk(later);
    byte[] data = point.toByteArray();
    assertEquals(
        4 + 4 + 2,
        inHpet.inlineLength(RawChunk.wrap(timer, OFFSET, data, 0, data.length), "HpEt/TiMr"));
  }

  @Test
  void anEditorCopiesACriticalDeclaredSubChunkUnderItsParentAndStopsAtItElsewhere()
      throws Exception {
    ChunkType timer = ChunkType.of("TiMr");
    TypeDescription hpet =
        new TypeDescription(
            ChunkType.of("HpEt"),
            "p.Hpet",
            List.of(FieldDescription.of("id", Primitive.INT, "int")),
            List.of(SubChunkField.declared("timer", timer, POINT)));
    ChunkEditor editor =
        ChunkEditor.of(Signature.CHUNKSTATE, Layouts.of(List.of(hpet))).stripAncillary();
    Consumer<WireWriter> timerChunk =
        w -> {
          int mark = w.beginChunk(timer);
          w.writeInt(5);
          w.writeString("ab");
          int note = w.beginChunk(ChunkType.of("noTe")); // ancillary: stripped
          w.endChunk(note);
          w.endChunk(mark);
        };
    byte[] input =
        StreamBuilder.withHeader()
            .chunk("HpEt", w -> {
              w.writeInt(1);
              timerChunk.accept(w);
            })
            .end()
            .bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    editor.copy(input, out);
    byte[] expected =
        StreamBuilder.withHeader()
            .chunk("HpEt", w -> {
              w.writeInt(1);
              int mark = w.beginChunk(timer);
              w.writeInt(5);
              w.writeString("ab");
              w.endChunk(mark);
            })
            .end()
            .bytes();
    assertArrayEquals(expected, out.toByteArray(), "walked as the struct, its note stripped");

    byte[] alone = StreamBuilder.withHeader().chunk("TiMr", timerChunk).end().bytes();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> editor.copy(alone, new ByteArrayOutputStream()));
    assertEquals(Kind.UNKNOWN_CRITICAL, e.kind());
  }
}

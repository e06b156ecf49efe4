package io.chunkstate.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.WireType.Primitive;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code dESc} chunk's data (docs/DESC.md): descriptions survive it exactly, its example is
 * the bytes the code writes, and no input bytes make its reader throw anything but a {@link
 * ChunkStreamException}.
 */
class DescChunkTest {
  private static final long OFFSET = 1234;

  private static final WireType.Struct POINT =
      new WireType.Struct(
          "p.Point",
          List.of(
              new FieldDescription("x", Primitive.INT, "int", true, -1),
              FieldDescription.of("label", WireType.TEXT, "java.lang.String")));
  private static final WireType.Struct SHAPE =
      new WireType.Struct(
          "p.Shape",
          List.of(
              FieldDescription.of("origin", POINT, "p.Point"),
              FieldDescription.of("corners", new WireType.Sequence(POINT), "p.Point[]"),
              FieldDescription.of("scale", new WireType.Boxed(Primitive.DOUBLE), "Double")));
  private static final WireType.EnumType MODE =
      new WireType.EnumType("p.Mode", List.of("OFF", "ON", "FAULT"));
  private static final WireType.EnumValueType SPEED =
      new WireType.EnumValueType("p.Speed", List.of("TEN", "GBIT"), List.of(10, -1));

  /** Every kind of wire type, every primitive, nesting, declarations, a key, sub-chunks. */
  static List<TypeDescription> rich() {
    List<FieldDescription> fields = new ArrayList<>();
    fields.add(new FieldDescription("id", Primitive.LONG, "long", true, -1));
    for (Primitive primitive : Primitive.values()) {
      fields.add(FieldDescription.of("p" + primitive.keyword(), primitive, primitive.keyword()));
      fields.add(
          FieldDescription.of(
              "b" + primitive.keyword(), new WireType.Boxed(primitive), primitive.keyword() + "?"));
    }
    fields.add(new FieldDescription("name", WireType.TEXT, "java.lang.String", false, 8));
    fields.add(FieldDescription.of("mode", MODE, "p.Mode"));
    fields.add(FieldDescription.of("speed", SPEED, "p.Speed"));
    fields.add(FieldDescription.of("speeds", new WireType.Sequence(SPEED), "p.Speed[]"));
    fields.add(
        new FieldDescription("regs", new WireType.Sequence(Primitive.BYTE), "byte[]", true, 256));
    fields.add(FieldDescription.of("shape", SHAPE, "p.Shape"));
    fields.add(
        FieldDescription.of(
            "shapes", new WireType.Sequence(SHAPE), "java.util.List<p.Shape>"));
    fields.add(
        FieldDescription.of(
            "modes",
            new WireType.Sequence(new WireType.Sequence(MODE)),
            "java.util.List<p.Mode[]>"));
    fields.add(FieldDescription.of("ünïcødé ✓", WireType.TEXT, "java.lang.String"));
    TypeDescription device =
        new TypeDescription(
            ChunkType.of("DeVc"),
            "p.Device",
            fields,
            List.of(
                new SubChunkField("irq", ChunkType.of("IrQs"), "p.Irq", false),
                new SubChunkField("queues", ChunkType.of("quEu"), "p.Device$Queue", true),
                SubChunkField.declared("timer", ChunkType.of("tiMr"), SHAPE)),
            "id");
    TypeDescription empty =
        new TypeDescription(ChunkType.of("emPt"), "p.Empty", List.of(), List.of());
    TypeDescription irq =
        new TypeDescription(
            ChunkType.of("IrQs"),
            "p.Irq",
            List.of(FieldDescription.of("line", Primitive.SHORT, "short")),
            List.of());
    return List.of(device, empty, irq);
  }

  /** The example of docs/DESC.md. */
  static List<TypeDescription> example() {
    return List.of(
        new TypeDescription(
            ChunkType.of("TiMr"),
            "example.Timer",
            List.of(
                new FieldDescription("id", Primitive.INT, "int", true, -1),
                FieldDescription.of(
                    "mode", new WireType.EnumType("example.Mode", List.of("OFF", "ON")),
                    "example.Mode"),
                new FieldDescription("regs", new WireType.Sequence(Primitive.BYTE), "byte[]",
                    false, 4)),
            List.of(new SubChunkField("alarm", ChunkType.of("alRm"), "example.Alarm", false)),
            "id"));
  }

  private static List<TypeDescription> sortedByCode(List<TypeDescription> types) {
    List<TypeDescription> sorted = new ArrayList<>(types);
    sorted.sort((a, b) -> a.type().compareTo(b.type()));
    return sorted;
  }

  @Test
  void descriptionsRoundTripExactlySortedByCode() throws Exception {
    List<TypeDescription> types = rich();
    List<TypeDescription> decoded = DescChunk.decode(DescChunk.encode(types), OFFSET);
    assertEquals(sortedByCode(types), decoded);
    for (int i = 0; i < decoded.size(); i++) {
      assertEquals(sortedByCode(types).get(i).fingerprint(), decoded.get(i).fingerprint());
    }
    // The same descriptions in another order give the same bytes.
    List<TypeDescription> reversed = new ArrayList<>(types);
    java.util.Collections.reverse(reversed);
    assertArrayEquals(DescChunk.encode(types), DescChunk.encode(reversed));
  }

  @Test
  void noTypesIsTheVersionAndAZeroCount() throws Exception {
    byte[] data = DescChunk.encode(List.of());
    assertEquals("0001000000000000", HexFormat.of().formatHex(data));
    assertEquals(List.of(), DescChunk.decode(data, OFFSET));
  }

  /** The hex of docs/DESC.md's example block, without its comments. */
  private static byte[] documentedExample() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "DESC.md");
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    int start = lines.indexOf("```hex");
    assertTrue(start >= 0, "docs/DESC.md has a ```hex block");
    StringBuilder hex = new StringBuilder();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.equals("```")) {
        return HexFormat.of().parseHex(hex.toString());
      }
      int comment = line.indexOf('#');
      hex.append((comment < 0 ? line : line.substring(0, comment)).replace(" ", ""));
    }
    throw new AssertionError("the ```hex block of docs/DESC.md does not end");
  }

  @Test
  void theDocumentedExampleIsWhatTheCodeWritesAndReads() throws Exception {
    byte[] documented = documentedExample();
    byte[] written = DescChunk.encode(example());
    assertEquals(HexFormat.of().formatHex(written), HexFormat.of().formatHex(documented));
    assertEquals(example(), DescChunk.decode(documented, OFFSET));
    assertEquals("67059ee394642a6b", example().get(0).fingerprint().toString());
  }

  /** Decodes {@code data}, which must fail with a {@link ChunkStreamException} or decode. */
  private static void onlyChunkStreamExceptions(byte[] data, String what) {
    try {
      DescChunk.decode(data, OFFSET);
    } catch (ChunkStreamException e) {
      assertEquals(OFFSET, e.offset(), what);
      assertEquals("dESc", e.path(), what);
    } catch (Throwable t) {
      throw new AssertionError(what + " threw " + t, t);
    }
  }

  @Test
  void everyTruncationFailsWithLengthAtTheChunk() throws Exception {
    byte[] data = DescChunk.encode(rich());
    for (int n = 0; n < data.length; n++) {
      byte[] cut = Arrays.copyOf(data, n);
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> DescChunk.decode(cut, OFFSET), "" + n);
      assertEquals(Kind.LENGTH, e.kind(), n + ": " + e.getMessage());
      assertEquals(OFFSET, e.offset());
      assertEquals("dESc", e.path());
    }
  }

  @Test
  void everySingleBitFlipDecodesOrFailsWithAChunkStreamException() throws Exception {
    for (List<TypeDescription> types : List.of(rich(), example())) {
      byte[] data = DescChunk.encode(types);
      for (int bit = 0; bit < data.length * 8; bit++) {
        byte[] flipped = data.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        onlyChunkStreamExceptions(flipped, "bit " + bit);
      }
    }
  }

  @Test
  void everyByteValueAtEveryPositionDecodesOrFailsWithAChunkStreamException() throws Exception {
    byte[] data = DescChunk.encode(example());
    for (int i = 0; i < data.length; i++) {
      for (int v = 0; v < 256; v++) {
        byte[] changed = data.clone();
        changed[i] = (byte) v;
        onlyChunkStreamExceptions(changed, "byte " + i + " = " + v);
      }
    }
  }

  @Test
  void aForgedFingerprintIsData() throws Exception {
    byte[] data = DescChunk.encode(example());
    // version 4, count 4, record length 4, code 4: the fingerprint's last byte is at 23.
    data[23] ^= 1;
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET));
    assertEquals(Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("damaged or forged"), e.getMessage());
    // A field renamed without a new fingerprint is the same forgery.
    byte[] renamed = DescChunk.encode(example());
    int at = indexOf(renamed, "regs".getBytes(StandardCharsets.US_ASCII));
    renamed[at] = 'R';
    assertEquals(
        Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(renamed, OFFSET)).kind());
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static WireType nested(int sequences) {
    WireType wire = Primitive.INT;
    for (int i = 0; i < sequences; i++) {
      wire = new WireType.Sequence(wire);
    }
    return wire;
  }

  private static WireType nestedStructs(int levels) {
    WireType wire = Primitive.INT;
    for (int i = 0; i < levels; i++) {
      wire = new WireType.Struct("p.S" + i, List.of(FieldDescription.of("f", wire, "?")));
    }
    return wire;
  }

  private static TypeDescription oneField(WireType wire) {
    return new TypeDescription(
        ChunkType.of("NeSt"), "p.Nest", List.of(FieldDescription.of("f", wire, "?")), List.of());
  }

  /**
   * One type {@code NeSt} with one field whose wire type is written by {@code wire}, framed by
   * hand, with the fingerprint {@code fingerprint}.
   */
  private static byte[] handMade(java.util.function.Consumer<WireWriter> wire, long fingerprint) {
    WireWriter w = new WireWriter();
    w.writeShort((short) 1);
    w.writeShort((short) 0);
    w.writeCount(1);
    int type = w.reserve(4);
    w.writeInt(ChunkType.of("NeSt").value());
    w.writeLong(fingerprint);
    w.writeString("p.Nest");
    w.writeString(null);
    w.writeCount(1);
    int field = w.reserve(4);
    w.writeString("f");
    wire.accept(w);
    w.writeString("?");
    w.writeByte((byte) 0);
    w.setInt(field, w.size() - field - 4);
    w.writeCount(0);
    w.setInt(type, w.size() - type - 4);
    return w.toByteArray();
  }

  @Test
  void wireTypesNestAtMostSixtyFourLevels() throws Exception {
    for (WireType deepest : List.of(nested(64), nestedStructs(64))) {
      TypeDescription ok = oneField(deepest);
      assertEquals(List.of(ok), DescChunk.decode(DescChunk.encode(List.of(ok)), OFFSET));
    }
    for (WireType tooDeep : List.of(nested(65), nestedStructs(65), nested(100_000))) {
      assertThrows(
          IllegalArgumentException.class, () -> DescChunk.encode(List.of(oneField(tooDeep))));
    }
    // 65 sequences, written by hand: refused before the fingerprint is looked at.
    byte[] sequences =
        handMade(
            w -> {
              for (int i = 0; i < 65; i++) {
                w.writeByte((byte) 0x0c);
              }
              w.writeByte((byte) 0x05);
            },
            0);
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(sequences, OFFSET));
    assertEquals(Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("nest deeper than 64"), e.getMessage());
    // A stack of a million sequence tags is refused at the limit, without a deep stack.
    byte[] million =
        handMade(
            w -> {
              for (int i = 0; i < 1_000_000; i++) {
                w.writeByte((byte) 0x0c);
              }
            },
            0);
    assertEquals(
        Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(million, OFFSET)).kind());
  }

  @Test
  void unknownTagsAndFlagsAreData() throws Exception {
    for (int tag : new int[] {0x00, 0x0f, 0x80, 0xff}) {
      byte[] data = handMade(w -> w.writeByte((byte) tag), 0);
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET));
      assertEquals(Kind.DATA, e.kind(), e.getMessage());
    }
    byte[] boxedText = handMade(w -> write(w, new byte[] {0x09, 0x0a}), 0);
    assertEquals(
        Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(boxedText, OFFSET))
            .kind());
  }

  @Test
  void anEnumByValueIsItsClassThenEachConstantWithItsValue() throws Exception {
    TypeDescription speed = oneField(SPEED);
    byte[] data = DescChunk.encode(List.of(speed));
    byte[] wire =
        io.chunkstate.testing.Hex.decode(
            "0e 00000007 702e5370656564" // tag 0E, class "p.Speed"
                + " 00000002" // two constants
                + " 00000003 54454e 0000000a" // "TEN" 10
                + " 00000004 47424954 ffffffff"); // "GBIT" -1
    assertTrue(indexOf(data, wire) > 0, "the documented bytes of tag 0E");
    assertEquals(List.of(speed), DescChunk.decode(data, OFFSET));
    byte[] twice =
        handMade(
            w -> {
              w.writeByte((byte) 0x0e);
              w.writeString("p.Speed");
              w.writeCount(2);
              w.writeString("TEN");
              w.writeInt(10);
              w.writeString("GBIT");
              w.writeInt(10);
            },
            0);
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(twice, OFFSET));
    assertEquals(Kind.DATA, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("two constants of value 10"), e.getMessage());
  }

  private static void write(WireWriter w, byte[] bytes) {
    w.writeRaw(bytes, 0, bytes.length);
  }

  @Test
  void aTypeDescribedTwiceIsData() throws Exception {
    byte[] one = DescChunk.encode(example());
    byte[] record = Arrays.copyOfRange(one, 8, one.length);
    WireWriter w = new WireWriter();
    w.writeShort((short) 1);
    w.writeShort((short) 0);
    w.writeCount(2);
    write(w, record);
    write(w, record);
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> DescChunk.decode(w.toByteArray(), OFFSET));
    assertEquals(Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("TiMr is described twice"), e.getMessage());
    TypeDescription timer = example().get(0);
    assertThrows(IllegalArgumentException.class, () -> DescChunk.encode(List.of(timer, timer)));
  }

  @Test
  void codesTheFormatReservesOrWithTheReservedBitAreRefused() throws Exception {
    for (String code : List.of("CHDR", "CEND", "dESc", "TimR")) {
      TypeDescription type =
          new TypeDescription(ChunkType.of(code), "p.X", List.of(), List.of());
      assertThrows(IllegalArgumentException.class, () -> DescChunk.encode(List.of(type)), code);
      byte[] data = DescChunk.encode(example());
      write(data, 12, ChunkType.of(code).value());
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET), code);
      assertEquals(Kind.DATA, e.kind(), e.getMessage());
    }
    byte[] data = DescChunk.encode(example());
    data[12] = '1';
    assertEquals(
        Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET)).kind());
  }

  private static void write(byte[] data, int at, int value) {
    ByteBuffer.wrap(data).putInt(at, value);
  }

  @Test
  void anUnknownMajorIsVersionAndALaterMinorsAdditionsAreIgnored() throws Exception {
    byte[] data = DescChunk.encode(example());
    data[1] = 2;
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET));
    assertEquals(Kind.VERSION, e.kind());
    assertEquals("dESc", e.path());

    // Version 1.1 appends bytes to the type record, the sub-chunk record and the chunk.
    byte[] later = appendedAt1Point(1);
    assertEquals(example(), DescChunk.decode(later, OFFSET));
    // At version 1.0 the same bytes are left over: the record lengths are wrong.
    byte[] same = appendedAt1Point(0);
    assertEquals(
        Kind.LENGTH,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(same, OFFSET)).kind());
  }

  /** The example, rewritten as if a version 1.{@code minor} appended bytes to its records. */
  private static byte[] appendedAt1Point(int minor) {
    byte[] v10 = DescChunk.encode(example());
    ByteBuffer in = ByteBuffer.wrap(v10);
    int typeLength = in.getInt(8);
    // The sub-chunk record is the last thing in the type record: its end is the record's end.
    int subRecordEnd = 12 + typeLength;
    int subRecordStart = indexOf(v10, "alarm".getBytes(StandardCharsets.US_ASCII)) - 8;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer head = ByteBuffer.allocate(12).putShort((short) 1).putShort((short) minor);
    head.putInt(1).putInt(typeLength + 3 + 2);
    out.writeBytes(head.array());
    out.write(v10, 12, subRecordStart - 12);
    int subLength = in.getInt(subRecordStart);
    out.writeBytes(ByteBuffer.allocate(4).putInt(subLength + 3).array());
    out.write(v10, subRecordStart + 4, subLength);
    out.writeBytes(new byte[] {7, 7, 7}); // appended to the sub-chunk record
    out.writeBytes(new byte[] {8, 8}); // appended to the type record
    assertEquals(v10.length, subRecordEnd);
    out.writeBytes(new byte[] {9}); // appended to the chunk
    return out.toByteArray();
  }

  @Test
  void countsAndLengthsPastTheDataAreLengthWithoutAllocating() throws Exception {
    byte[] huge = HexFormat.of().parseHex("000100007fffffff");
    assertEquals(
        Kind.LENGTH,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(huge, OFFSET)).kind());
    byte[] tooLarge = HexFormat.of().parseHex("00010000ffff0000");
    assertEquals(
        Kind.LENGTH,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(tooLarge, OFFSET)).kind());
    byte[] nullCount = HexFormat.of().parseHex("00010000ffffffff");
    assertEquals(
        Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(nullCount, OFFSET))
            .kind());
    byte[] longRecord = HexFormat.of().parseHex("0001000000000001" + "7fffffff" + "00".repeat(28));
    assertEquals(
        Kind.LENGTH,
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(longRecord, OFFSET))
            .kind());
  }

  @Test
  void whatTheDescriptionsWouldTakeIsChargedToTheBudget() throws Exception {
    byte[] data = DescChunk.encode(rich());
    assertEquals(rich().size(), DescChunk.decode(data, OFFSET, 1 << 20).size());
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET, 1000));
    assertEquals(Kind.LIMIT, e.kind());
  }

  @Test
  void duplicateNamesAndCodesInsideATypeAreRefused() {
    TypeDescription twoFields =
        new TypeDescription(
            ChunkType.of("DuPs"),
            "p.Dups",
            List.of(
                FieldDescription.of("a", Primitive.INT, "int"),
                FieldDescription.of("a", Primitive.LONG, "long")),
            List.of());
    TypeDescription twoSubChunks =
        new TypeDescription(
            ChunkType.of("DuPs"),
            "p.Dups",
            List.of(),
            List.of(
                new SubChunkField("a", ChunkType.of("suBs"), "p.A", false),
                new SubChunkField("b", ChunkType.of("suBs"), "p.B", true)));
    TypeDescription twoConstants =
        oneField(new WireType.EnumType("p.E", List.of("A", "A")));
    TypeDescription nullClass =
        oneField(new WireType.Struct(null, List.of()));
    for (TypeDescription type : List.of(twoFields, twoSubChunks, twoConstants, nullClass)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DescChunk.encode(List.of(type)));
      if (!(e.getCause() instanceof ChunkStreamException)) {
        fail("refused by the reader's checks: " + e);
      }
    }
  }

  @Test
  void aDeclaredSubChunkThatSaysItIsAListIsData() throws Exception {
    TypeDescription uart =
        new TypeDescription(
            ChunkType.of("UaRt"),
            "p.Uart",
            List.of(),
            List.of(SubChunkField.declared("rx", ChunkType.of("rxFf"), POINT)));
    byte[] data = DescChunk.encode(List.of(uart));
    assertEquals(List.of(uart), DescChunk.decode(data, OFFSET));
    // The list byte follows the sub-chunk record's class name, "p.Point".
    byte[] className = "p.Point".getBytes(StandardCharsets.UTF_8);
    int listByte = indexOf(data, className, data.length - 1) + className.length;
    assertEquals(0, data[listByte]);
    data[listByte] = 1;
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> DescChunk.decode(data, OFFSET));
    assertEquals(Kind.DATA, e.kind());
    assertTrue(e.detail().contains("such a field holds one"), e.detail());
  }

  /** The last index at or before {@code from} where {@code part} starts in {@code data}. */
  private static int indexOf(byte[] data, byte[] part, int from) {
    for (int i = Math.min(from, data.length - part.length); i >= 0; i--) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}

package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Hex;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field shapes that declare what a field's values are (issue 13): an {@code @Unsigned} field
 * changes no byte and is described unsigned; a {@code @FixedLength} field changes no byte either,
 * is described with its length, and is held to it: {@code encode} refuses a value of another
 * length, {@code decode} another count; a {@code java.util.BitSet} travels as its words, a {@code
 * long[]}.
 */
class ShapesTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Pci",
                    "package p;",
                    "import io.chunkstate.annotation.Unsigned;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"PcIe\")",
                    "public record Pci(@Unsigned short vendorId, @Unsigned byte rev,",
                    "    @Unsigned int bar, @Unsigned long mask, @Unsigned Integer boxed,",
                    "    @Unsigned int[] words, @Unsigned List<Long> longs, int plain) {",
                    "  public static Pci sample() {",
                    "    return new Pci((short) 0xFFFF, (byte) 0x80, 0xFEDC0000, -1L, -2,",
                    "        new int[] {-1}, List.of(-1L), -1);",
                    "  }",
                    "}"),
                source(
                    "p.Tag",
                    "package p;",
                    "import io.chunkstate.annotation.FixedLength;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Tag(@FixedLength(2) String unit) {}"),
                source(
                    "p.Cfg",
                    "package p;",
                    "import io.chunkstate.annotation.FixedLength;",
                    "@io.chunkstate.annotation.Chunk(\"CfGs\")",
                    "public record Cfg(@FixedLength(4) byte[] space, @FixedLength(2) String[] names,",
                    "    @FixedLength(0) int[] none, Tag tag) {",
                    "  public static Cfg sample() {",
                    "    return new Cfg(new byte[] {1, 2, 3, 4}, new String[] {\"a\", null},",
                    "        new int[0], new Tag(\"\u00b5\"));",
                    "  }",
                    "  public static Cfg shortSpace() {",
                    "    return new Cfg(new byte[3], null, null, null);",
                    "  }",
                    "  public static Cfg longUnit() {",
                    "    return new Cfg(null, null, null, new Tag(\"\u00b5s\"));",
                    "  }",
                    "  public static Cfg nulls() {",
                    "    return new Cfg(null, null, null, new Tag(null));",
                    "  }",
                    "}"),
                source(
                    "p.Pending",
                    "package p;",
                    "import java.util.Arrays;",
                    "import java.util.BitSet;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"PeNd\")",
                    "public record Pending(BitSet bits, BitSet empty, BitSet none,",
                    "    List<BitSet> masks) {",
                    "  public static Pending sample() {",
                    "    BitSet bits = new BitSet();",
                    "    bits.set(0);",
                    "    bits.set(65);",
                    "    BitSet mask = new BitSet();",
                    "    mask.set(3);",
                    "    return new Pending(bits, new BitSet(), null, Arrays.asList(mask, null));",
                    "  }",
                    "}")));
  }

  /** Space, names, none and tag of a {@code p.Cfg}, in hex. */
  private static final String CFG =
      "00000004 01020304" // space: the count is written, 4
          + " 00000002 00000001 61 FFFFFFFF" // names {"a", null}
          + " 00000000" // none
          + " 01 00000002 C2B5"; // tag: "µ", two bytes of UTF-8

  @Test
  void aFixedLengthFieldChangesNoByte() throws Exception {
    assertRoundTrip("p.Cfg", Hex.decode(CFG));
  }

  @Test
  void aFixedLengthFieldMayBeNull() throws Exception {
    ChunkCodec<Object> codec = schema.codec("p.Cfg");
    byte[] nulls = Hex.decode("FFFFFFFF FFFFFFFF FFFFFFFF 01 FFFFFFFF");
    assertArrayEquals(nulls, encode(codec, schema.call("p.Cfg", "nulls")));
    assertDeepEquals(schema.call("p.Cfg", "nulls"), decode(codec, nulls));
  }

  @Test
  void encodeRefusesAValueOfAnotherLength() {
    ChunkCodec<Object> codec = schema.codec("p.Cfg");
    IllegalArgumentException array =
        assertThrows(
            IllegalArgumentException.class,
            () -> encode(codec, schema.call("p.Cfg", "shortSpace")));
    assertEquals(
        "Cfg.space has @FixedLength(4), but its value has length 3; write a value of length 4,"
            + " or null",
        array.getMessage());
    IllegalArgumentException string =
        assertThrows(
            IllegalArgumentException.class,
            () -> encode(codec, schema.call("p.Cfg", "longUnit")));
    assertEquals(
        "Tag.unit has @FixedLength(2), but its value has length 3; write a value of length 2,"
            + " or null",
        string.getMessage());
  }

  @Test
  void decodeRefusesAnotherCountAsData() {
    ChunkCodec<Object> codec = schema.codec("p.Cfg");
    assertData(
        codec,
        "00000003 010203" + CFG.substring("00000004 01020304".length()),
        "Cfg.space has @FixedLength(4), but the stream's count is 3");
    assertData(
        codec,
        "00000004 01020304 00000001 00000001 61 00000000 01 00000002 C2B5",
        "Cfg.names has @FixedLength(2), but the stream's count is 1");
    assertData(
        codec,
        "00000004 01020304 FFFFFFFF 00000001 00000007 00",
        "Cfg.none has @FixedLength(0), but the stream's count is 1");
    assertData(
        codec,
        "FFFFFFFF FFFFFFFF FFFFFFFF 01 00000003 C2B573",
        "Tag.unit has @FixedLength(2), but the stream's count is 3");
  }

  @Test
  void aFixedLengthFieldIsDescribedWithItsLength() {
    TypeDescription description = schema.codec("p.Cfg").description().orElseThrow();
    assertEquals(
        List.of("space:4", "names:2", "none:0", "tag:-1"),
        description.fields().stream()
            .map(f -> f.name() + ":" + f.fixedLength())
            .collect(Collectors.toList()));
    WireType.Struct tag = (WireType.Struct) description.fields().get(3).wire();
    assertEquals(2, tag.fields().get(0).fixedLength());
    assertEquals("space:byte[]#4", description.fields().get(0).layout());
  }

  @Test
  void aBitSetTravelsAsItsWords() throws Exception {
    byte[] expected =
        Hex.decode(
            "00000002 0000000000000001 0000000000000002" // bits {0, 65}: two words
                + " 00000000" // empty: no word
                + " FFFFFFFF" // none: null
                + " 00000002 00000001 0000000000000008 FFFFFFFF"); // masks [{3}, null]
    assertRoundTrip("p.Pending", expected);
  }

  @Test
  void aBitSetIsDescribedAsASequenceOfLong() {
    FieldDescription bits = schema.codec("p.Pending").description().orElseThrow().fields().get(0);
    assertEquals(new WireType.Sequence(WireType.Primitive.LONG), bits.wire());
    assertEquals("java.util.BitSet", bits.javaType());
    assertEquals("bits:long[]", bits.layout());
  }

  private static void assertData(ChunkCodec<Object> codec, String hex, String detail) {
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decode(codec, Hex.decode(hex)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind(), e.getMessage());
    assertEquals(detail, e.detail());
  }

  @Test
  void anUnsignedFieldChangesNoByte() throws Exception {
    byte[] expected =
        Hex.decode(
            "FFFF" // vendorId 0xFFFF, as a short -1 would be
                + " 80" // rev
                + " FEDC0000" // bar
                + " FFFFFFFFFFFFFFFF" // mask
                + " 01 FFFFFFFE" // boxed
                + " 00000001 FFFFFFFF" // words
                + " 00000001 01 FFFFFFFFFFFFFFFF" // longs: each element boxed
                + " FFFFFFFF"); // plain
    assertRoundTrip("p.Pci", expected);
  }

  @Test
  void anUnsignedFieldIsDescribedUnsigned() {
    TypeDescription description = schema.codec("p.Pci").description().orElseThrow();
    assertEquals(
        List.of(
            "vendorId:true", "rev:true", "bar:true", "mask:true", "boxed:true", "words:true",
            "longs:true", "plain:false"),
        description.fields().stream()
            .map(f -> f.name() + ":" + f.unsigned())
            .collect(Collectors.toList()));
    for (FieldDescription field : description.fields()) {
      assertEquals(-1, field.fixedLength(), field.name());
    }
  }

  private static void assertRoundTrip(String type, byte[] expected) throws Exception {
    ChunkCodec<Object> codec = schema.codec(type);
    Object sample = schema.call(type, "sample");
    assertArrayEquals(expected, encode(codec, sample));
    assertDeepEquals(sample, decode(codec, expected));
  }
}

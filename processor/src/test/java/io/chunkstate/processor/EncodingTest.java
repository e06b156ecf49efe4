package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.testing.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated codecs write the bytes SPEC §4 prescribes, written out here by hand from the spec,
 * and read them back to an equal state, for the type combinations users write: boxed primitives
 * of every kind, chars, lists and arrays with null elements, structs in arrays and lists, nested
 * lists and arrays, structs holding lists, sub-chunks. Hostile data fails with the right kind.
 */
class EncodingTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Boxes",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"BoXs\")",
                    "public record Boxes(Boolean bo, Byte by, Short sh, Character ch, Integer in,",
                    "    Long lo, Float fl, Double dou, char c, char[] cs) {",
                    "  public static Boxes sample() {",
                    "    return new Boxes(true, null, (short) -2, '\\u00e9', 7, null, 1.5f, null,",
                    "        'A', new char[] {'h', 'i'});",
                    "  }",
                    "}"),
                source("p.Color", "package p;", "public enum Color { RED, GREEN }"),
                source(
                    "p.Pt",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Pt(int x, int y) {}"),
                source(
                    "p.Holder",
                    "package p;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Holder(int[] a, List<String> l, Pt p) {}"),
                source(
                    "p.Lists",
                    "package p;",
                    "import java.util.Arrays;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"LiSt\")",
                    "public record Lists(List<Integer> ints, List<Boolean> flags, String[] names,",
                    "    Color[] colors, Pt[] points, Integer[] boxed, List<Pt> pointList,",
                    "    List<Color> colorList, List<List<String>> nested, String[][] grid,",
                    "    Holder holder) {",
                    "  public static Lists sample() {",
                    "    return new Lists(Arrays.asList(1, null), Arrays.asList(true, null, false),",
                    "        new String[] {\"a\", null}, new Color[] {Color.GREEN, null},",
                    "        new Pt[] {new Pt(1, 2), null}, new Integer[] {null, 3},",
                    "        Arrays.asList(null, new Pt(3, 4)), List.of(Color.RED),",
                    "        Arrays.asList(List.of(\"x\"), null, List.of()),",
                    "        new String[][] {{\"y\", null}}, new Holder(new int[] {5}, null, null));",
                    "  }",
                    "}"),
                source(
                    "p.Leaf",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"leAf\")",
                    "public class Leaf {",
                    "  public short v;",
                    "}"),
                source(
                    "p.Twig",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"twIg\")",
                    "public record Twig(byte b) {}"),
                source(
                    "p.Tree",
                    "package p;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"TrEe\")",
                    "public record Tree(int id, Leaf leaf, List<Twig> twigs) {",
                    "  public static Tree sample() {",
                    "    Leaf leaf = new Leaf();",
                    "    leaf.v = 0x102;",
                    "    return new Tree(9, leaf, List.of(new Twig((byte) 1), new Twig((byte) 2)));",
                    "  }",
                    "}")));
  }

  @Test
  void boxedPrimitivesOfEveryKindAndCharsAreEncodedAsSection4Says() throws Exception {
    byte[] expected =
        Hex.decode(
            "01 01" // Boolean true: presence, value
                + " 00" // Byte null
                + " 01 FFFE" // Short -2
                + " 01 00E9" // Character é: two bytes
                + " 01 00000007" // Integer 7
                + " 00" // Long null
                + " 01 3FC00000" // Float 1.5: raw bits
                + " 00" // Double null
                + " 0041" // char 'A'
                + " 00000002 0068 0069"); // char[] "hi": count, two bytes each
    assertRoundTrip("p.Boxes", expected);
  }

  @Test
  void listsAndArraysOfEveryElementKindKeepTheirNullElements() throws Exception {
    byte[] expected =
        Hex.decode(
            "00000002 01 00000001 00" // List<Integer> [1, null]
                + " 00000003 01 01 00 01 00" // List<Boolean> [true, null, false]
                + " 00000002 00000001 61 FFFFFFFF" // String[] {"a", null}
                + " 00000002 00000005 475245454E FFFFFFFF" // Color[] {GREEN, null}
                + " 00000002 01 00000001 00000002 00" // Pt[] {Pt(1, 2), null}
                + " 00000002 00 01 00000003" // Integer[] {null, 3}
                + " 00000002 00 01 00000003 00000004" // List<Pt> [null, Pt(3, 4)]
                + " 00000001 00000003 524544" // List<Color> [RED]
                + " 00000003 00000001 00000001 78 FFFFFFFF 00000000" // [["x"], null, []]
                + " 00000001 00000002 00000001 79 FFFFFFFF" // String[][] {{"y", null}}
                + " 01 00000001 00000005 FFFFFFFF 00"); // Holder([5], null, null)
    assertRoundTrip("p.Lists", expected);
  }

  @Test
  void subChunksFollowTheInlineFieldsInFieldOrder() throws Exception {
    byte[] expected =
        Hex.decode(
            "00000009" // id
                + chunk("leAf", "0102")
                + chunk("twIg", "01")
                + chunk("twIg", "02"));
    ChunkCodec<Object> codec = schema.codec("p.Tree");
    Object tree = schema.call("p.Tree", "sample");
    assertArrayEquals(expected, encode(codec, tree));
    Object decoded = decode(codec, expected);
    assertArrayEquals(expected, encode(codec, decoded), "decoded state encodes the same");
  }

  @Test
  void aCountLargerThanTheDataCouldHoldIsRefusedBeforeAnythingIsAllocated() {
    ChunkCodec<Object> codec = schema.codec("p.Lists");
    // List<Integer> of 2^31-1 elements (one byte each at least) in a handful of bytes.
    assertKind(ChunkStreamException.Kind.LENGTH, codec, Hex.decode("7FFFFFFF 01 00000001"));
    // Four elements of List<Integer> in three bytes: each takes at least its presence byte.
    assertKind(ChunkStreamException.Kind.LENGTH, codec, Hex.decode("00000004 00 00 00"));
    // Two strings need at least eight bytes for their counts; seven are left.
    String ints = "00000000 00000000 ";
    assertKind(
        ChunkStreamException.Kind.LENGTH, codec, Hex.decode(ints + "00000002 00000000 000000"));
    // The inner list of a List<List<String>> is checked too.
    String upToNested =
        ints + "FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF ";
    assertKind(
        ChunkStreamException.Kind.LENGTH,
        codec,
        Hex.decode(upToNested + "00000001 10000000 00000000"));
  }

  @Test
  void anEnumNameTheReaderLacksIsADataError() {
    ChunkCodec<Object> codec = schema.codec("p.Lists");
    String before = "00000000 00000000 00000000 ";
    ChunkStreamException e =
        assertKind(
            ChunkStreamException.Kind.DATA, codec, Hex.decode(before + "00000001 00000004 424C5545"));
    assertTrue(e.getMessage().contains("p.Color has no constant named \"BLUE\""), e.getMessage());
  }

  private static void assertRoundTrip(String type, byte[] expected) throws Exception {
    ChunkCodec<Object> codec = schema.codec(type);
    Object sample = schema.call(type, "sample");
    assertArrayEquals(expected, encode(codec, sample));
    assertDeepEquals(sample, decode(codec, expected));
  }

  private static ChunkStreamException assertKind(
      ChunkStreamException.Kind kind, ChunkCodec<Object> codec, byte[] data) {
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> decode(codec, data));
    assertEquals(kind, e.kind(), e.getMessage());
    return e;
  }

  /** A complete chunk in hex: length, type, data, and the CRC-32 of type and data. */
  static String chunk(String type, String dataHex) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    byte[] data = Hex.decode(dataHex);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return String.format(" %08X %s %s %08X", data.length, hex(typeBytes), hex(data), crc.getValue());
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }
}

package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.ChunkCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a state's fields and types are called, the generated code compiles without warnings
 * and means what it says: no local hides a parameter, a constant or a type the codec names.
 */
class NamingTest {

  @Test
  void fieldsNamedLikeTheCodecsLocalsConstantsAndTypesRoundTrip() throws Exception {
    GeneratedCodecs schema =
        GeneratedCodecs.compile(
            List.of(
                source("p.Color", "package p;", "public enum Color { RED, GREEN }"),
                source(
                    "p.Leaf",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"leAf\")",
                    "public record Leaf(int in, int out, int state) {}"),
                source(
                    "p.Pt",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Pt(int x, Integer in, Color Color) {}"),
                source(
                    "p.Names",
                    "package p;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"NaMe\")",
                    "public class Names {",
                    "  public int in, out, state, sub, i, element, target, TYPE;",
                    "  public Integer LEAF;",
                    "  public Color Color;",
                    "  public List<String> ArrayList;",
                    "  public String String;",
                    "  public Pt Pt;",
                    "  public Leaf leaf;",
                    "  public static Names sample() {",
                    "    Names n = new Names();",
                    "    n.in = 1; n.out = 2; n.state = 3; n.sub = 4; n.i = 5; n.element = 6;",
                    "    n.target = 7; n.TYPE = 8; n.LEAF = 9; n.Color = p.Color.GREEN;",
                    "    n.ArrayList = List.of(\"a\"); n.String = \"s\";",
                    "    n.Pt = new Pt(10, 11, p.Color.RED); n.leaf = new Leaf(12, 13, 14);",
                    "    return n;",
                    "  }",
                    "}")));
    ChunkCodec<Object> codec = schema.codec("p.Names");
    Object sample = schema.call("p.Names", "sample");
    byte[] data = encode(codec, sample);
    Object decoded = decode(codec, data);
    assertArrayEquals(data, encode(codec, decoded));
    for (String field : List.of("in", "out", "state", "sub", "i", "element", "target", "TYPE")) {
      assertEquals(
          schema.type("p.Names").getField(field).get(sample),
          schema.type("p.Names").getField(field).get(decoded),
          field);
    }
    assertEquals(9, schema.type("p.Names").getField("LEAF").get(decoded));
    assertEquals("GREEN", schema.type("p.Names").getField("Color").get(decoded).toString());
    assertEquals(
        "Leaf[in=12, out=13, state=14]",
        schema.type("p.Names").getField("leaf").get(decoded).toString());
  }

  /** Types a codec may name, whose simple names a user's package may hold too. */
  private static final List<String> SHADOWING_NAMES =
      List.of(
          "Class", "Character", "String", "Override", "RuntimeException", "Error", "Integer",
          "Long", "Boolean", "Byte", "Short", "Float", "Double", "Object", "SuppressWarnings",
          "Deprecated", "Math", "System", "Enum", "Iterable", "List", "ArrayList", "ChunkCodec",
          "WireReader", "WireWriter", "ChunkType", "ChunkStreamException", "Generated");

  @Test
  void aPackageWhoseTypesAreNamedLikeTheTypesACodecUsesGetsCodecsThatCompileAndRoundTrip()
      throws Exception {
    List<javax.tools.JavaFileObject> sources = new java.util.ArrayList<>();
    for (String name : SHADOWING_NAMES) {
      sources.add(source("q." + name, "package q;", "public class " + name + " {}"));
    }
    sources.add(source("q.Hue", "package q;", "public enum Hue { RED, BLUE }"));
    sources.add(
        source(
            "q.Spot",
            "package q;",
            "@io.chunkstate.annotation.ChunkStruct",
            "public record Spot(int x, java.lang.String label, java.lang.Character mark) {}"));
    sources.add(
        source(
            "q.Leaf",
            "package q;",
            "@io.chunkstate.annotation.Chunk(\"leAf\")",
            "public record Leaf(java.lang.String text) {}"));
    sources.add(
        source(
            "q.Box",
            "package q;",
            "@io.chunkstate.annotation.Chunk(\"boXx\")",
            "public class Box {",
            "  public java.lang.Integer size;",
            "}"));
    sources.add(
        source(
            "q.Names",
            "package q;",
            "@io.chunkstate.annotation.Chunk(\"NaMs\")",
            "public record Names(",
            "    java.lang.Character letter, java.lang.String text, java.lang.Boolean flag,",
            "    java.lang.Byte b, java.lang.Short s, java.lang.Integer i, java.lang.Long l,",
            "    java.lang.Float f, java.lang.Double d, java.util.List<java.lang.String> words,",
            "    java.util.List<java.lang.Character> marks, Hue hue, Hue[] hues, Spot spot,",
            "    java.util.List<Spot> spots, Leaf leaf, java.util.List<Box> boxes) {}"));
    sources.add(
        source(
            "q.Shelf",
            "package q;",
            "@io.chunkstate.annotation.Chunk(\"ShLf\")",
            "public class Shelf {",
            "  public java.lang.String name;",
            "  private java.lang.Character mark;",
            "  public Spot spot;",
            "  public Box box;",
            "  public Names names;",
            "  public java.lang.Character getMark() { return mark; }",
            "  public void setMark(java.lang.Character mark) { this.mark = mark; }",
            "  public static java.lang.Object sample() {",
            "    Box box = new Box();",
            "    box.size = 3;",
            "    Spot spot = new Spot(1, \"s\", 'm');",
            "    Shelf shelf = new Shelf();",
            "    shelf.name = \"shelf\";",
            "    shelf.setMark('x');",
            "    shelf.spot = spot;",
            "    shelf.box = box;",
            "    shelf.names = new Names('a', \"t\", true, (byte) 1, (short) 2, 3, 4L, 5f, 6d,",
            "        java.util.List.of(\"w\"), java.util.Arrays.asList('c', null), Hue.BLUE,",
            "        new Hue[] {Hue.RED, null}, spot, java.util.List.of(spot), new Leaf(\"l\"),",
            "        java.util.List.of(box));",
            "    return shelf;",
            "  }",
            "}"));
    GeneratedCodecs schema = GeneratedCodecs.compile(sources);

    ChunkCodec<Object> shelves = schema.codec("q.Shelf");
    Object sample = schema.call("q.Shelf", "sample");
    byte[] data = encode(shelves, sample);
    Object decoded = decode(shelves, data);
    assertArrayEquals(data, encode(shelves, decoded));
    Object names = schema.type("q.Shelf").getField("names").get(decoded);
    assertEquals('a', names.getClass().getMethod("letter").invoke(names));
    assertEquals(java.util.Arrays.asList('c', null), names.getClass().getMethod("marks").invoke(names));
    assertEquals("BLUE", String.valueOf(names.getClass().getMethod("hue").invoke(names)));
    Object target = schema.type("q.Shelf").getConstructor().newInstance();
    shelves.decodeInto(target, io.chunkstate.wire.WireReader.of(shelves.type(), data));
    assertArrayEquals(data, encode(shelves, target));
  }

  @Test
  void aChunkInTheDefaultPackageAndOneNestedTwoDeepGetCodecsNamedAsSection7Says()
      throws Exception {
    GeneratedCodecs schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "Top",
                    "@io.chunkstate.annotation.Chunk(\"ToPp\")",
                    "public record Top(int a) {}"),
                source(
                    "p.Outer",
                    "package p;",
                    "public class Outer {",
                    "  public static class Mid {",
                    "    @io.chunkstate.annotation.Chunk(\"InNr\")",
                    "    public record Inner(long a) {}",
                    "  }",
                    "}")));
    assertEquals("TopChunkCodec", schema.codec("Top").getClass().getName());
    assertEquals("p.Outer_Mid_InnerChunkCodec", schema.codec("p.Outer$Mid$Inner").getClass().getName());
    assertEquals(
        "InNr", schema.codec("p.Outer$Mid$Inner").type().code());
  }

  @Test
  void aStructClassFromAnotherPackageIsReachedThroughItsPublicMembers() throws Exception {
    GeneratedCodecs schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "q.Far",
                    "package q;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public class Far {",
                    "  public int a;",
                    "  private String b;",
                    "  public String getB() { return b; }",
                    "  public void setB(String b) { this.b = b; }",
                    "  String notState() { return b; }",
                    "}"),
                source(
                    "p.Near",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"NeAr\")",
                    "public record Near(q.Far far) {",
                    "  public static Near sample() {",
                    "    q.Far far = new q.Far();",
                    "    far.a = 5;",
                    "    far.setB(\"b\");",
                    "    return new Near(far);",
                    "  }",
                    "}")));
    ChunkCodec<Object> codec = schema.codec("p.Near");
    byte[] data = encode(codec, schema.call("p.Near", "sample"));
    assertArrayEquals(io.chunkstate.testing.Hex.decode("01 00000005 00000001 62"), data);
    assertArrayEquals(data, encode(codec, decode(codec, data)));
  }
}

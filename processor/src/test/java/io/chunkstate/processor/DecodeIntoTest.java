package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeInto} restores a live object all or nothing: the chunk is decoded into a fresh
 * object first, where every constructor and setter runs and may refuse, and only then copied
 * into the target. A nested mutable {@code @Chunk} object the target holds stays the same
 * instance, so that whatever refers to it sees the restored state.
 */
class DecodeIntoTest {
  private static GeneratedCodecs schema;
  private static ChunkCodec<Object> panels;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "m.Detent",
                    "package m;",
                    "@io.chunkstate.annotation.Chunk(\"deTn\")",
                    "public class Detent {",
                    "  public int step;",
                    "}"),
                source(
                    "m.Knob",
                    "package m;",
                    "@io.chunkstate.annotation.Chunk(\"knOb\")",
                    "public class Knob {",
                    "  public int position;",
                    "  private Detent detent;",
                    "  public Detent getDetent() { return detent; }",
                    "  public void setDetent(Detent detent) { this.detent = detent; }",
                    "}"),
                source(
                    "m.Drive",
                    "package m;",
                    "@io.chunkstate.annotation.Chunk(\"drVe\")",
                    "public class Drive {",
                    "  public final byte[] sector;",
                    "  public Drive() { this(4); }",
                    "  public Drive(int size) { sector = new byte[size]; }",
                    "}"),
                source(
                    "m.Bay",
                    "package m;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"BaYs\")",
                    "public class Bay {",
                    "  public List<Drive> drives;",
                    "}"),
                source(
                    "m.Tag",
                    "package m;",
                    "@io.chunkstate.annotation.Chunk(\"taGs\")",
                    "public record Tag(String text) {}"),
                source(
                    "m.Pt",
                    "package m;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Pt(int x, int y) {}"),
                source(
                    "m.Panel",
                    "package m;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"PaNl\")",
                    "public class Panel {",
                    "  public String label;",
                    "  private int level;",
                    "  public long[] history;",
                    "  public Pt where;",
                    "  public Knob knob;",
                    "  public Tag tag;",
                    "  public List<Detent> spares;",
                    "  public int getLevel() { return level; }",
                    "  public void setLevel(int level) {",
                    "    if (level > 10) throw new IllegalStateException(\"level \" + level);",
                    "    this.level = level;",
                    "  }",
                    "  public static Panel sample(String label, int level, int position, int step) {",
                    "    Panel p = new Panel();",
                    "    p.label = label;",
                    "    p.setLevel(level);",
                    "    p.history = new long[] {level, position};",
                    "    p.where = new Pt(level, step);",
                    "    p.knob = knob(position, step);",
                    "    p.tag = new Tag(label);",
                    "    p.spares = new java.util.ArrayList<>(List.of(detent(step + 1)));",
                    "    return p;",
                    "  }",
                    "  static Knob knob(int position, int step) {",
                    "    Knob k = new Knob();",
                    "    k.position = position;",
                    "    k.setDetent(detent(step));",
                    "    return k;",
                    "  }",
                    "  static Detent detent(int step) {",
                    "    Detent d = new Detent();",
                    "    d.step = step;",
                    "    return d;",
                    "  }",
                    "}")));
    panels = schema.codec("m.Panel");
  }

  private static Object sample(String label, int level, int position, int step) throws Exception {
    return schema
        .type("m.Panel")
        .getMethod("sample", String.class, int.class, int.class, int.class)
        .invoke(null, label, level, position, step);
  }

  private static Object get(Object owner, String field) throws Exception {
    return owner.getClass().getField(field).get(owner);
  }

  @Test
  void aSetterThatRefusesItsValueLeavesTheTargetUnchangedInEveryField() throws Exception {
    byte[] data = encode(panels, sample("after", 10, 7, 9));
    // "after" is a count and five bytes; the level follows: 10 becomes 11, which setLevel refuses.
    assertEquals(10, data[12]);
    data[12] = 11;
    Object target = sample("before", 5, 1, 2);
    List<Object> fields = List.of(
        get(target, "label"), get(target, "history"), get(target, "where"),
        get(target, "knob"), get(target, "tag"), get(target, "spares"));
    byte[] before = encode(panels, target);

    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> panels.decodeInto(target, WireReader.of(panels.type(), data)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("m.Panel refused the decoded values"), e.getMessage());
    assertTrue(e.getMessage().contains("level 11"), e.getMessage());

    assertEquals("before", get(target, "label"));
    assertEquals(5, target.getClass().getMethod("getLevel").invoke(target));
    List<String> names = List.of("label", "history", "where", "knob", "tag", "spares");
    for (int i = 0; i < names.size(); i++) {
      assertSame(fields.get(i), get(target, names.get(i)), names.get(i));
    }
    assertArrayEquals(before, encode(panels, target), "the nested objects are unchanged too");
  }

  @Test
  void aNestedMutableChunkIsRestoredInPlaceAndEverythingElseIsAssigned() throws Exception {
    Object source = sample("after", 8, 7, 9);
    byte[] data = encode(panels, source);
    Object target = sample("before", 5, 1, 2);
    Object knob = get(target, "knob");
    Object detent = knob.getClass().getMethod("getDetent").invoke(knob);
    Object tag = get(target, "tag");
    Object spares = get(target, "spares");
    Object spare = ((List<?>) spares).get(0);

    assertTrue(panels.canDecodeInto());
    panels.decodeInto(target, WireReader.of(panels.type(), data));

    assertArrayEquals(data, encode(panels, target), "the target holds the decoded state");
    assertSame(knob, get(target, "knob"), "the nested mutable chunk is the same object");
    assertEquals(7, get(knob, "position"));
    assertSame(detent, knob.getClass().getMethod("getDetent").invoke(knob), "at every depth");
    assertEquals(9, get(detent, "step"));
    assertEquals("Tag[text=after]", String.valueOf(get(target, "tag")), "a record is replaced");
    assertTrue(tag != get(target, "tag"));
    assertSame(spares, get(target, "spares"), "a list of mutable chunks of the same size stays");
    assertSame(spare, ((List<?>) spares).get(0), "and each element is restored in place");
    assertEquals(10, get(spare, "step"));
  }

  /** An element of a list restored in place is checked as a nested chunk is: by its path. */
  @Test
  void anElementThatCannotBeAppliedInPlaceIsNamedByItsIndex() throws Exception {
    ChunkCodec<Object> bays = schema.codec("m.Bay");
    Class<?> drive = schema.type("m.Drive");
    Object source = schema.type("m.Bay").getConstructor().newInstance();
    source.getClass().getField("drives").set(
        source, List.of(drive.getConstructor().newInstance(), drive.getConstructor().newInstance()));
    Object target = schema.type("m.Bay").getConstructor().newInstance();
    Object first = drive.getConstructor().newInstance();
    Object odd = drive.getConstructor(int.class).newInstance(8);
    target.getClass().getField("drives").set(target, new java.util.ArrayList<>(List.of(first, odd)));
    byte[] before = encode(bays, target);
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> bays.decodeInto(target, WireReader.of(bays.type(), encode(bays, source))));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("drives[1].sector"), e.getMessage());
    assertArrayEquals(before, encode(bays, target), "nothing was applied");
  }

  @Test
  void aListOfMutableChunksOfAnotherSizeIsAssigned() throws Exception {
    Object source = sample("after", 8, 7, 9);
    @SuppressWarnings("unchecked")
    List<Object> sourceSpares = (List<Object>) get(source, "spares");
    sourceSpares.add(schema.type("m.Detent").getConstructor().newInstance());
    Object target = sample("before", 5, 1, 2);
    Object spares = get(target, "spares");
    panels.decodeInto(target, WireReader.of(panels.type(), encode(panels, source)));
    assertTrue(spares != get(target, "spares"), "two elements cannot go into one");
    assertEquals(2, ((List<?>) get(target, "spares")).size());
  }

  @Test
  void aNestedChunkTheTargetLacksIsAssignedAndOneTheStreamLacksBecomesNull() throws Exception {
    Object target = sample("before", 5, 1, 2);
    target.getClass().getField("knob").set(target, null);
    Object source = sample("after", 8, 7, 9);
    byte[] data = encode(panels, source);
    panels.decodeInto(target, WireReader.of(panels.type(), data));
    assertEquals(7, get(get(target, "knob"), "position"));

    source.getClass().getField("knob").set(source, null);
    panels.decodeInto(target, WireReader.of(panels.type(), encode(panels, source)));
    assertNull(get(target, "knob"), "the sub-chunk was absent");
  }
}

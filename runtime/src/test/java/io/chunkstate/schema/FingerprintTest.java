package io.chunkstate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkType;
import io.chunkstate.schema.WireType.Primitive;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §8: what the layout fingerprint covers, and what it does not. */
class FingerprintTest {
  private static final FieldDescription RDTR = FieldDescription.of("rdtr", Primitive.INT, "int");
  private static final FieldDescription ITR = FieldDescription.of("itr", Primitive.INT, "int");
  private static final FieldDescription NAME = FieldDescription.of("name", WireType.TEXT, "String");

  private static TypeDescription e1000(List<FieldDescription> fields, List<SubChunkField> subs) {
    return new TypeDescription(ChunkType.of("EtHs"), "p.E1000", fields, subs);
  }

  @Test
  void theLayoutNamesEachFieldItsWireTypeAndItsDeclarations() {
    WireType point =
        new WireType.Struct(
            "p.Point",
            List.of(
                FieldDescription.of("x", Primitive.INT, "int"),
                FieldDescription.of("y", Primitive.INT, "int")));
    List<FieldDescription> fields =
        List.of(
            RDTR,
            new FieldDescription("status", Primitive.BYTE, "byte", true, -1),
            new FieldDescription("config", new WireType.Sequence(Primitive.BYTE), "byte[]", false, 256),
            FieldDescription.of("mode", new WireType.EnumType("p.Mode", List.of("OFF", "ON")), "p.Mode"),
            FieldDescription.of("origin", point, "p.Point"),
            FieldDescription.of("count", new WireType.Boxed(Primitive.LONG), "Long"),
            FieldDescription.of("tags", new WireType.Sequence(WireType.TEXT), "java.util.List<String>"));
    assertEquals(
        "rdtr:int,status:byte!u,config:byte[]#256,mode:enum,origin:struct{x:int,y:int},"
            + "count:long?,tags:string[]",
        Fingerprint.layout(fields));
    // Pinned: the fingerprint is part of the registry format, and baselines keep it.
    // The first 8 bytes of `printf "rdtr:int,itr:int" | sha256sum`.
    assertEquals("eded6a5960f95821", Fingerprint.ofLayout("rdtr:int,itr:int").toString());
  }

  @Test
  void swappingTwoInlineFieldsOfOneTypeChangesIt() {
    assertNotEquals(
        e1000(List.of(RDTR, ITR), List.of()).fingerprint(),
        e1000(List.of(ITR, RDTR), List.of()).fingerprint());
  }

  @Test
  void renamingRetypingAddingOrRemovingAnInlineFieldChangesIt() {
    Fingerprint base = Fingerprint.of(List.of(RDTR, ITR));
    assertNotEquals(base, Fingerprint.of(List.of(RDTR, FieldDescription.of("itr2", Primitive.INT, "int"))));
    assertNotEquals(base, Fingerprint.of(List.of(RDTR, FieldDescription.of("itr", Primitive.LONG, "long"))));
    assertNotEquals(base, Fingerprint.of(List.of(RDTR, ITR, NAME)));
    assertNotEquals(base, Fingerprint.of(List.of(RDTR)));
    assertNotEquals(base, Fingerprint.of(List.of(RDTR, new FieldDescription("itr", Primitive.INT, "int", true, -1))));
  }

  @Test
  void addingASubChunkFieldDoesNotChangeIt() {
    SubChunkField stats = new SubChunkField("stats", ChunkType.of("stAt"), "p.Stats", false);
    assertEquals(
        e1000(List.of(RDTR, ITR), List.of()).fingerprint(),
        e1000(List.of(RDTR, ITR), List.of(stats)).fingerprint());
  }

  @Test
  void anEnumIsFingerprintedByItsEncodingNotItsClassOrConstants() {
    WireType v1 = new WireType.EnumType("p.Mode", List.of("OFF", "ON"));
    WireType v2 = new WireType.EnumType("p.Mode", List.of("OFF", "ON", "STANDBY"));
    assertEquals(
        Fingerprint.of(List.of(FieldDescription.of("mode", v1, "p.Mode"))),
        Fingerprint.of(List.of(FieldDescription.of("mode", v2, "p.Mode"))));
  }

  @Test
  void itPrintsAndParsesAsSixteenHexDigits() {
    Fingerprint f = Fingerprint.of(List.of(RDTR, ITR));
    assertEquals(16, f.toString().length());
    assertEquals(f, Fingerprint.parse(f.toString()));
    assertEquals(new Fingerprint(-1), Fingerprint.parse("ffffffffffffffff"));
    assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("abc"));
  }
}

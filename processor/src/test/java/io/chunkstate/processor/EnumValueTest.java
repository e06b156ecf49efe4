package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Fingerprint;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Hex;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enums by value (issue 13, SPEC §4): an enum whose constants declare {@code @WireValue} travels
 * as a presence byte and the constant's value, wherever an enum travels (a field, a list or array
 * of them, a struct's field), so a renamed constant still reads; a value the reader's enum lacks is
 * {@code DATA} naming the field and the value.
 */
class EnumValueTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Speed",
                    "package p;",
                    "import io.chunkstate.annotation.WireValue;",
                    "public enum Speed {",
                    "  @WireValue(10) TEN, @WireValue(100) HUNDRED, @WireValue(-1) UNKNOWN,",
                    "  @WireValue(1000) GBIT",
                    "}"),
                source(
                    "p.Mode",
                    "package p;",
                    "public enum Mode { OFF, ON }"),
                source(
                    "p.Port",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Port(Speed speed) {}"),
                source(
                    "p.Link",
                    "package p;",
                    "import java.util.Arrays;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"LiNk\")",
                    "public record Link(Speed speed, Speed none, Speed[] history,",
                    "    List<Speed> allowed, Port port, Mode mode) {",
                    "  public static Link sample() {",
                    "    return new Link(Speed.GBIT, null, new Speed[] {Speed.TEN, null},",
                    "        Arrays.asList(Speed.UNKNOWN), new Port(Speed.HUNDRED), Mode.ON);",
                    "  }",
                    "}")));
  }

  /** A {@code p.Link.sample()}, in hex. */
  private static final String LINK =
      "01 000003E8" // speed: GBIT, value 1000
          + " 00" // none: null
          + " 00000002 01 0000000A 00" // history [TEN, null]
          + " 00000001 01 FFFFFFFF" // allowed [UNKNOWN], value -1
          + " 01 01 00000064" // port: present, speed HUNDRED
          + " 00000002 4F4E"; // mode: by name, "ON"

  @Test
  void anEnumByValueTravelsAsPresenceAndValue() throws Exception {
    ChunkCodec<Object> codec = schema.codec("p.Link");
    Object sample = schema.call("p.Link", "sample");
    byte[] expected = Hex.decode(LINK);
    assertArrayEquals(expected, encode(codec, sample));
    assertDeepEquals(sample, decode(codec, expected));
  }

  @Test
  void aValueTheEnumLacksIsDataNamingTheFieldAndTheValue() {
    ChunkCodec<Object> codec = schema.codec("p.Link");
    assertData(
        codec,
        "01 00000003" + LINK.substring("01 000003E8".length()),
        "Link.speed: p.Speed has no constant with wire value 3");
    assertData(
        codec,
        "00 00 00000001 01 00000007",
        "Link.history: p.Speed has no constant with wire value 7");
    assertData(
        codec,
        "00 00 FFFFFFFF FFFFFFFF 01 01 00000002",
        "Port.speed: p.Speed has no constant with wire value 2");
  }

  @Test
  void aPresenceByteOtherThanZeroOrOneIsData() {
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> decode(schema.codec("p.Link"), Hex.decode("02 000003E8")));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind(), e.getMessage());
  }

  @Test
  void anEnumByValueIsDescribedWithItsConstantsAndValues() {
    TypeDescription description = schema.codec("p.Link").description().orElseThrow();
    WireType.EnumValueType speed =
        new WireType.EnumValueType(
            "p.Speed", List.of("TEN", "HUNDRED", "UNKNOWN", "GBIT"), List.of(10, 100, -1, 1000));
    FieldDescription first = description.fields().get(0);
    assertEquals(speed, first.wire());
    assertEquals("enumvalue<p.Speed>", first.wire().descriptor());
    assertEquals("speed:enumvalue", first.layout());
    assertEquals(new WireType.Sequence(speed), description.fields().get(2).wire());
    WireType.Struct port = (WireType.Struct) description.fields().get(4).wire();
    assertEquals(speed, port.fields().get(0).wire());
    assertEquals(
        new WireType.EnumType("p.Mode", List.of("OFF", "ON")), description.fields().get(5).wire());
  }

  @Test
  void theFingerprintTellsAnEnumByValueFromOneByName() {
    WireType byName = new WireType.EnumType("p.Speed", List.of("TEN"));
    WireType byValue = new WireType.EnumValueType("p.Speed", List.of("TEN"), List.of(10));
    assertNotEquals(
        Fingerprint.of(List.of(FieldDescription.of("speed", byName, "p.Speed"))),
        Fingerprint.of(List.of(FieldDescription.of("speed", byValue, "p.Speed"))));
  }

  private static void assertData(ChunkCodec<Object> codec, String hex, String detail) {
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decode(codec, Hex.decode(hex)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind(), e.getMessage());
    assertEquals(detail, e.detail());
  }
}

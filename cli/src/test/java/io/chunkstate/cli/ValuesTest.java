package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.schema.WireType.Primitive;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The value printer: each wire type of SPEC §4 as a user reads it. */
class ValuesTest {
  private static final ChunkType TYPE = ChunkType.of("TeSt");
  private static final WireType.EnumType MODE =
      new WireType.EnumType("p.Mode", List.of("ON", "OFF"));
  private static final WireType.Struct POINT =
      new WireType.Struct(
          "p.Point",
          List.of(FieldDescription.of("x", Primitive.INT, "int"), FieldDescription.of("y", Primitive.INT, "int")));

  private static FieldDescription unsigned(String name, WireType wire) {
    return new FieldDescription(name, wire, "?", true, -1);
  }

  private static String print(WireWriter data, FieldDescription... fields) throws ChunkStreamException {
    return Values.read(WireReader.of(TYPE, data.toByteArray()), List.of(fields), 8).stream()
        .map(f -> f.name() + "@" + f.offset() + "=" + f.value())
        .collect(Collectors.joining(" "));
  }

  @Test
  void integersPrintUnsignedWhereDeclared() throws ChunkStreamException {
    WireWriter w = new WireWriter();
    w.writeByte((byte) -1);
    w.writeShort((short) -1);
    w.writeInt(-1);
    w.writeLong(-1);
    w.writeByte((byte) -1);
    assertEquals(
        "b@8=255 s@9=65535 i@11=4294967295 l@15=18446744073709551615 signed@23=-1",
        print(
            w,
            unsigned("b", Primitive.BYTE),
            unsigned("s", Primitive.SHORT),
            unsigned("i", Primitive.INT),
            unsigned("l", Primitive.LONG),
            FieldDescription.of("signed", Primitive.BYTE, "byte")));
  }

  @Test
  void anEnumByValuePrintsItsConstantAndValueOrTheBareValue() throws ChunkStreamException {
    WireType.EnumValueType speed =
        new WireType.EnumValueType("p.Speed", List.of("TEN", "GBIT"), List.of(10, 3));
    WireWriter w = new WireWriter();
    w.writeByte((byte) 1);
    w.writeInt(3);
    w.writeByte((byte) 0); // none: null
    w.writeInt(1); // list: one element
    w.writeByte((byte) 1);
    w.writeInt(10);
    w.writeByte((byte) 1);
    w.writeInt(7);
    assertEquals(
        "speed@8=GBIT(3) none@13=null list@14=[TEN(10)] undescribed@23=7",
        print(
            w,
            FieldDescription.of("speed", speed, "p.Speed"),
            FieldDescription.of("none", speed, "p.Speed"),
            FieldDescription.of("list", new WireType.Sequence(speed), "p.Speed[]"),
            FieldDescription.of(
                "undescribed",
                new WireType.EnumValueType("p.Speed", List.of(), List.of()),
                "p.Speed")));
    WireWriter unknown = new WireWriter();
    unknown.writeByte((byte) 1);
    unknown.writeInt(7);
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> print(unknown, FieldDescription.of("speed", speed, "p.Speed")));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("speed: p.Speed has no constant with wire value 7", e.detail());
  }

  @Test
  void stringsAreQuotedWithEscapesSoNoValueBreaksALine() throws ChunkStreamException {
    WireWriter w = new WireWriter();
    w.writeString("a \"b\"\n\u202Eevil\\");
    w.writeString(null);
    w.writeChar('\t');
    assertEquals(
        "s@8=\"a \\\"b\\\"\\n\\u202eevil\\\\\" none@26=null c@30='\\t'",
        print(
            w,
            FieldDescription.of("s", WireType.TEXT, "String"),
            FieldDescription.of("none", WireType.TEXT, "String"),
            FieldDescription.of("c", Primitive.CHAR, "char")));
  }

  @Test
  void boxedEnumsStructsAndFloats() throws ChunkStreamException {
    WireWriter w = new WireWriter();
    w.writeByte((byte) 0); // Integer null
    w.writeByte((byte) 1);
    w.writeInt(7);
    w.writeString("OFF");
    w.writeString(null);
    w.writeByte((byte) 1);
    w.writeInt(3);
    w.writeInt(-4);
    w.writeByte((byte) 0);
    w.writeFloat(1.5f);
    w.writeDouble(-0.25);
    w.writeBoolean(true);
    assertEquals(
        "n=null b=7 mode=OFF noMode=null at={x=3, y=-4} nowhere=null f=1.5 d=-0.25 t=true",
        values(
            w,
            FieldDescription.of("n", new WireType.Boxed(Primitive.INT), "Integer"),
            FieldDescription.of("b", new WireType.Boxed(Primitive.INT), "Integer"),
            FieldDescription.of("mode", MODE, "p.Mode"),
            FieldDescription.of("noMode", MODE, "p.Mode"),
            FieldDescription.of("at", POINT, "p.Point"),
            FieldDescription.of("nowhere", POINT, "p.Point"),
            FieldDescription.of("f", Primitive.FLOAT, "float"),
            FieldDescription.of("d", Primitive.DOUBLE, "double"),
            FieldDescription.of("t", Primitive.BOOLEAN, "boolean")));
  }

  @Test
  void arraysAreAbbreviated() throws ChunkStreamException {
    WireWriter w = new WireWriter();
    w.writeInts(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    w.writeBytes(new byte[] {1, 2, 3});
    w.writeBytes(null);
    w.writeCount(2);
    w.writeString("x");
    w.writeString(null);
    assertEquals(
        "ints=[1, 2, 3, 4, 5, 6, 7, 8, … 10 elements] bytes=<01 02 03> (3 bytes) none=null"
            + " strings=[\"x\", null]",
        values(
            w,
            FieldDescription.of("ints", new WireType.Sequence(Primitive.INT), "int[]"),
            FieldDescription.of("bytes", new WireType.Sequence(Primitive.BYTE), "byte[]"),
            FieldDescription.of("none", new WireType.Sequence(Primitive.BYTE), "byte[]"),
            FieldDescription.of("strings", new WireType.Sequence(WireType.TEXT), "String[]")));
  }

  @Test
  void valuesTheFormatForbidsAreTheReadersErrors() {
    WireWriter w = new WireWriter();
    w.writeString("SIDEWAYS");
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> values(w, FieldDescription.of("m", MODE, "p.Mode")));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("DATA at offset 0 in TeSt: p.Mode has no constant named \"SIDEWAYS\"", e.getMessage());

    WireWriter fixed = new WireWriter();
    fixed.writeInts(new int[] {1, 2});
    ChunkStreamException length =
        assertThrows(
            ChunkStreamException.class,
            () -> values(fixed, new FieldDescription("four", new WireType.Sequence(Primitive.INT), "int[]", false, 4)));
    assertEquals(ChunkStreamException.Kind.DATA, length.kind());

    WireWriter bool = new WireWriter();
    bool.writeByte((byte) 2);
    assertEquals(
        ChunkStreamException.Kind.DATA,
        assertThrows(ChunkStreamException.class, () -> values(bool, FieldDescription.of("b", Primitive.BOOLEAN, "boolean"))).kind());

    WireWriter shortData = new WireWriter();
    shortData.writeShort((short) 1);
    assertEquals(
        ChunkStreamException.Kind.LENGTH,
        assertThrows(ChunkStreamException.class, () -> values(shortData, FieldDescription.of("i", Primitive.INT, "int"))).kind());
  }

  private static String values(WireWriter data, FieldDescription... fields) throws ChunkStreamException {
    return Values.read(WireReader.of(TYPE, data.toByteArray()), List.of(fields), 8).stream()
        .map(f -> f.name() + "=" + f.value())
        .collect(Collectors.joining(" "));
  }
}

package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import io.chunkstate.testing.Hex;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A state class may refuse values: a record's compact constructor that validates, a setter that
 * checks its argument. Bytes it refuses are a {@code DATA} error, never the class's own exception
 * (SPEC §5), and {@code decodeInto} leaves its target as it was.
 */
class RefusalTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Range",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Range(int from, int to) {",
                    "  public Range {",
                    "    if (from > to) throw new IllegalArgumentException(from + \" > \" + to);",
                    "  }",
                    "}"),
                source(
                    "p.Port",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"PoRt\")",
                    "public record Port(int number, Range range) {",
                    "  public Port {",
                    "    if (number < 0) throw new IllegalArgumentException(\"negative port\");",
                    "  }",
                    "}"),
                source(
                    "p.Dial",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"DiAl\")",
                    "public class Dial {",
                    "  public String label;",
                    "  private int level;",
                    "  public Port port;",
                    "  public int getLevel() { return level; }",
                    "  public void setLevel(int level) {",
                    "    if (level > 10) throw new IllegalStateException(\"level \" + level);",
                    "    this.level = level;",
                    "  }",
                    "}"),
                source(
                    "p.Span",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Span(Range range, int weight) {",
                    "  public Span {",
                    "    if (weight < 0) throw new IllegalArgumentException(\"negative weight\");",
                    "  }",
                    "}"),
                source(
                    "p.Gain",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public class Gain {",
                    "  private int db;",
                    "  public int getDb() { return db; }",
                    "  public void setDb(int db) {",
                    "    if (db > 100) throw new IllegalArgumentException(\"too loud\");",
                    "    this.db = db;",
                    "  }",
                    "}"),
                source(
                    "p.Track",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"TrAk\")",
                    "public record Track(Span span, java.util.List<Range> ranges, Gain gain) {}"),
                source(
                    "p.Level",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"LeVl\")",
                    "public record Level(int value, Scale scale) {",
                    "  public Level {",
                    "    assert value >= 0 : \"negative level \" + value;",
                    "  }",
                    "}"),
                source(
                    "p.Scale",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Scale(int factor) {",
                    "  public Scale {",
                    "    assert factor > 0 : \"factor \" + factor;",
                    "  }",
                    "}"),
                source(
                    "p.Meter",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"MeTr\")",
                    "public class Meter {",
                    "  private int reading;",
                    "  public int getReading() { return reading; }",
                    "  public void setReading(int reading) {",
                    "    if (reading == -1) throw new AssertionError(\"reading \" + reading);",
                    "    if (reading == -2) throw new StackOverflowError(\"not a refusal\");",
                    "    this.reading = reading;",
                    "  }",
                    "}")));
  }

  @Test
  void aCompactConstructorThatRefusesTheValuesIsADataError() {
    ChunkStreamException e =
        assertDataError(schema.codec("p.Port"), "FFFFFFFF 00"); // number -1, no range
    assertTrue(e.getMessage().contains("p.Port refused the decoded values"), e.getMessage());
    assertTrue(e.getMessage().contains("negative port"), e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void aStructThatRefusesItsValuesIsADataErrorNamingTheStruct() {
    ChunkStreamException e =
        assertDataError(schema.codec("p.Port"), "00000050 01 00000002 00000001"); // Range(2, 1)
    assertTrue(e.getMessage().contains("p.Range refused the decoded values"), e.getMessage());
    assertTrue(e.getMessage().contains("2 > 1"), e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void aStructInsideAStructThatRefusesItsValuesIsNamedNotItsParent() {
    ChunkCodec<Object> track = schema.codec("p.Track");
    // span = Span(Range(2, 1), 0): the inner Range refuses
    assertRefusedBy("p.Range", "2 > 1", track, "01 01 00000002 00000001 00000000 00000000 00");
    // span = Span(Range(1, 2), -1): the Span refuses
    assertRefusedBy("p.Span", "negative weight", track, "01 01 00000001 00000002 FFFFFFFF 00000000 00");
  }

  @Test
  void aStructInAListThatRefusesItsValuesIsNamed() {
    // ranges = [Range(1, 2), Range(5, 4)]
    assertRefusedBy(
        "p.Range",
        "5 > 4",
        schema.codec("p.Track"),
        "00 00000002 01 00000001 00000002 01 00000005 00000004 00");
  }

  @Test
  void aStructClassWhoseSetterRefusesAValueIsNamed() {
    // gain.db = 101
    assertRefusedBy("p.Gain", "too loud", schema.codec("p.Track"), "00 00000000 01 00000065");
  }

  @Test
  void anAssertInACompactConstructorIsADataErrorWhenAssertionsAreEnabled() {
    GeneratedCodecs checked = schema.withAssertionsEnabled();
    ChunkStreamException e =
        assertRefusedBy("p.Level", "negative level -1", checked.codec("p.Level"), "FFFFFFFF 00");
    assertInstanceOf(AssertionError.class, e.getCause());
  }

  @Test
  void anAssertInAStructsCompactConstructorIsADataErrorNamingTheStruct() {
    GeneratedCodecs checked = schema.withAssertionsEnabled();
    ChunkStreamException e =
        assertRefusedBy("p.Scale", "factor 0", checked.codec("p.Level"), "00000001 01 00000000");
    assertInstanceOf(AssertionError.class, e.getCause());
  }

  @Test
  void anErrorFromASetterIsADataError() {
    ChunkStreamException e =
        assertRefusedBy("p.Meter", "reading -1", schema.codec("p.Meter"), "FFFFFFFF");
    assertInstanceOf(AssertionError.class, e.getCause());
  }

  @Test
  void aVirtualMachineErrorFromASetterIsNotARefusalAndPassesThrough() {
    ChunkCodec<Object> meter = schema.codec("p.Meter");
    StackOverflowError e =
        assertThrows(StackOverflowError.class, () -> decode(meter, Hex.decode("FFFFFFFE")));
    assertEquals("not a refusal", e.getMessage());
  }

  @Test
  void aSetterThatRefusesAValueIsADataError() {
    ChunkStreamException e =
        assertDataError(schema.codec("p.Dial"), "00000001 61 0000000B"); // level 11
    assertTrue(e.getMessage().contains("level 11"), e.getMessage());
  }

  @Test
  void decodeIntoLeavesTheTargetUnchangedWhenASubChunkIsRefusedAfterTheInlineFields()
      throws Exception {
    ChunkCodec<Object> dial = schema.codec("p.Dial");
    Object target = dial.stateClass().getConstructor().newInstance();
    dial.stateClass().getField("label").set(target, "before");
    byte[] refusedPort = Hex.decode("00000005 6166746572 00000003" // "after", level 3
        + EncodingTest.chunk("PoRt", "FFFFFFFF 00"));
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> dial.decodeInto(target, WireReader.of(dial.type(), refusedPort)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("DiAl/PoRt", e.path());
    assertEquals("before", dial.stateClass().getField("label").get(target));
    assertEquals(0, dial.stateClass().getMethod("getLevel").invoke(target));

    byte[] good = Hex.decode("00000005 6166746572 00000003"
        + EncodingTest.chunk("PoRt", "00000050 01 00000001 00000002"));
    dial.decodeInto(target, WireReader.of(dial.type(), good));
    assertEquals("after", dial.stateClass().getField("label").get(target));
    assertEquals(3, dial.stateClass().getMethod("getLevel").invoke(target));
    assertEquals(
        "Port[number=80, range=Range[from=1, to=2]]",
        String.valueOf(dial.stateClass().getField("port").get(target)));
    assertEquals(good.length, encode(dial, target).length, "it encodes back to as many bytes");
  }

  /** Decoding {@code hex} fails with DATA, naming {@code refuser} and what it said. */
  private static ChunkStreamException assertRefusedBy(
      String refuser, String detail, ChunkCodec<Object> codec, String hex) {
    ChunkStreamException e = assertDataError(codec, hex);
    assertTrue(
        e.getMessage().contains(refuser + " refused the decoded values: "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertEquals(codec.type().code(), e.path());
    return e;
  }

  private static ChunkStreamException assertDataError(ChunkCodec<Object> codec, String hex) {
    byte[] data = Hex.decode(hex);
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> decode(codec, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind(), e.getMessage());
    return e;
  }
}

package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.WriteOptions;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Fingerprint;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Hex;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct fields that declare their own sub-chunk code ({@code @SubChunk}, issue 13): one struct
 * type in two roles under one parent, and one code meaning two structs under two parents; the
 * bytes of SPEC §4 (a sub-chunk of that code whose data is the struct's inline fields, no
 * presence byte; nothing for null), the property bits of the code, and the description.
 */
class DeclaredSubChunkTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "u.Fifo",
                    "package u;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Fifo(byte[] data, int head) {}"),
                source(
                    "u.Uart",
                    "package u;",
                    "import io.chunkstate.annotation.SubChunk;",
                    "@io.chunkstate.annotation.Chunk(\"UaRt\")",
                    "public record Uart(int ier, @SubChunk(\"rxFf\") Fifo rx,",
                    "    @SubChunk(\"TxFf\") Fifo tx) {",
                    "  public static Uart sample() {",
                    "    return new Uart(5, new Fifo(new byte[] {1, 2}, 1), new Fifo(null, 0));",
                    "  }",
                    "  public static Uart idle() { return new Uart(5, null, null); }",
                    "}"),
                source(
                    "u.HpetTimer",
                    "package u;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record HpetTimer(long comparator, int config) {}"),
                source(
                    "u.RtcTimer",
                    "package u;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record RtcTimer(byte rate) {}"),
                source(
                    "u.Hpet",
                    "package u;",
                    "import io.chunkstate.annotation.SubChunk;",
                    "@io.chunkstate.annotation.Chunk(\"HpEt\")",
                    "public record Hpet(int id, @SubChunk(\"tiMr\") HpetTimer timer) {",
                    "  public static Hpet sample() { return new Hpet(1, new HpetTimer(-1L, 7)); }",
                    "}"),
                source(
                    "u.Rtc",
                    "package u;",
                    "import io.chunkstate.annotation.SubChunk;",
                    "import io.chunkstate.annotation.WhenAbsent;",
                    "@io.chunkstate.annotation.Chunk(\"RtCc\")",
                    "public record Rtc(@SubChunk(\"tiMr\") @WhenAbsent(\"stopped\") RtcTimer timer) {",
                    "  public static Rtc sample() { return new Rtc(new RtcTimer((byte) 6)); }",
                    "  static RtcTimer stopped() { return new RtcTimer((byte) 0); }",
                    "}")));
  }

  @Test
  void eachRoleIsASubChunkOfItsCodeHoldingTheStructsFieldsWithoutAPresenceByte()
      throws Exception {
    ChunkCodec<Object> uarts = schema.codec("u.Uart");
    Object sample = schema.call("u.Uart", "sample");
    byte[] data = encode(uarts, sample);
    byte[] rx = Hex.decode("00000002 0102 00000001"); // data {1, 2}, head 1
    byte[] tx = Hex.decode("FFFFFFFF 00000000"); // data null, head 0
    WireWriter expected = new WireWriter();
    expected.writeInt(5);
    int at = expected.beginChunk(ChunkType.of("rxFf"));
    expected.writeRaw(rx, 0, rx.length);
    expected.endChunk(at);
    at = expected.beginChunk(ChunkType.of("TxFf"));
    expected.writeRaw(tx, 0, tx.length);
    expected.endChunk(at);
    assertArrayEquals(expected.toByteArray(), data);
    Object decoded = decode(uarts, data);
    assertArrayEquals(data, encode(uarts, decoded));
    Object decodedRx = decoded.getClass().getMethod("rx").invoke(decoded);
    assertArrayEquals(
        new byte[] {1, 2}, (byte[]) decodedRx.getClass().getMethod("data").invoke(decodedRx));
  }

  @Test
  void aNullStructWritesNoSubChunkAndReadsBackNull() throws Exception {
    ChunkCodec<Object> uarts = schema.codec("u.Uart");
    byte[] data = encode(uarts, schema.call("u.Uart", "idle"));
    assertArrayEquals(Hex.decode("00000005"), data);
    assertEquals(schema.call("u.Uart", "idle"), decode(uarts, data));
  }

  @Test
  void anAbsentDeclaredSubChunkGoesThroughWhenAbsent() throws Exception {
    ChunkCodec<Object> rtcs = schema.codec("u.Rtc");
    assertEquals("Rtc[timer=RtcTimer[rate=0]]", decode(rtcs, new byte[0]).toString());
    Object sample = schema.call("u.Rtc", "sample");
    assertEquals(sample, decode(rtcs, encode(rtcs, sample)));
  }

  @Test
  void aSecondSubChunkOfOneCodeIsAStructureError() throws Exception {
    ChunkCodec<Object> uarts = schema.codec("u.Uart");
    byte[] once = encode(uarts, schema.call("u.Uart", "sample"));
    // ier, then the rx sub-chunk twice (the first 4 + 22 bytes hold ier and rx).
    byte[] twice = new byte[once.length + 22];
    System.arraycopy(once, 0, twice, 0, 26);
    System.arraycopy(once, 4, twice, 26, 22);
    System.arraycopy(once, 26, twice, 48, once.length - 26);
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> decode(uarts, twice));
    assertEquals(ChunkStreamException.Kind.STRUCTURE, e.kind());
    assertTrue(e.getMessage().contains("a second rxFf sub-chunk in UaRt"), e.getMessage());
  }

  @Test
  void oneCodeUnderTwoParentsHoldsTwoStructsInOneStream() throws Exception {
    ChunkRegistry registry = ChunkRegistry.of(schema.codec("u.Hpet"), schema.codec("u.Rtc"));
    Object hpet = schema.call("u.Hpet", "sample");
    Object rtc = schema.call("u.Rtc", "sample");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateWriter writer =
        StateWriter.open(
            bytes, "test", registry, WriteOptions.defaults().withDescription(true))) {
      writer.write(hpet);
      writer.write(rtc);
      writer.finish();
    }
    Snapshot snapshot = StateReader.read(bytes.toByteArray(), registry);
    assertEquals(List.of(hpet, rtc), snapshot.states());
    assertEquals(List.of(), snapshot.skipped());

    SubChunkField hpetTimer = registry.descriptions().get(0).subChunks().get(0);
    SubChunkField rtcTimer = registry.descriptions().get(1).subChunks().get(0);
    assertEquals(hpetTimer.type(), rtcTimer.type());
    assertEquals("comparator:long,config:int", layout(hpetTimer.struct()));
    assertEquals("rate:byte", layout(rtcTimer.struct()));
  }

  @Test
  void anUnknownAncillarySubChunkInsideADeclaredOneIsSkipped() throws Exception {
    ChunkCodec<Object> hpets = schema.codec("u.Hpet");
    WireWriter out = new WireWriter();
    out.writeInt(1);
    int at = out.beginChunk(ChunkType.of("tiMr"));
    out.writeLong(-1L);
    out.writeInt(7);
    int later = out.beginChunk(ChunkType.of("laTr")); // from a later version of HpetTimer
    out.writeInt(3);
    out.endChunk(later);
    out.endChunk(at);
    assertEquals(schema.call("u.Hpet", "sample"), decode(hpets, out.toByteArray()));
  }

  @Test
  void anotherParentsCodeIsUnknownHereSkippedIfAncillaryAndAnErrorIfCritical() throws Exception {
    ChunkCodec<Object> hpets = schema.codec("u.Hpet");
    // The UART's codes under an HPET: rxFf is ancillary, TxFf critical.
    for (String code : List.of("rxFf", "TxFf")) {
      WireWriter out = new WireWriter();
      out.writeInt(1);
      int at = out.beginChunk(ChunkType.of(code));
      out.writeInt(0);
      out.endChunk(at);
      byte[] data = out.toByteArray();
      if (code.equals("rxFf")) {
        assertEquals(
            schema.type("u.Hpet").getConstructors()[0].newInstance(1, null),
            decode(hpets, data));
      } else {
        ChunkStreamException e =
            assertThrows(ChunkStreamException.class, () -> decode(hpets, data));
        assertEquals(ChunkStreamException.Kind.UNKNOWN_CRITICAL, e.kind());
      }
    }
  }

  @Test
  void aDeclaredSubChunkIsDescribedWithItsStruct() throws Exception {
    TypeDescription uart = schema.codec("u.Uart").description().orElseThrow();
    WireType.Struct fifo =
        new WireType.Struct(
            "u.Fifo",
            List.of(
                FieldDescription.of("data", new WireType.Sequence(WireType.Primitive.BYTE), "byte[]"),
                FieldDescription.of("head", WireType.Primitive.INT, "int")));
    assertEquals(
        List.of(
            SubChunkField.declared("rx", ChunkType.of("rxFf"), fifo),
            SubChunkField.declared("tx", ChunkType.of("TxFf"), fifo)),
        uart.subChunks());
    assertEquals("ier:int", Fingerprint.layout(uart.fields()));
    assertEquals(List.of(uart), DescChunk.decode(DescChunk.encode(List.of(uart)), 0));
  }

  private static String layout(WireType.Struct struct) {
    return String.join(",", struct.fields().stream().map(FieldDescription::layout).toList());
  }
}

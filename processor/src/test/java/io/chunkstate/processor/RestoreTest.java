package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What issue 10 asks of generated codecs, through codecs generated for a small schema: a key that
 * names each instance, hooks that run before encoding and after decoding, a declared value for a
 * sub-chunk an older producer did not send, and final arrays filled in place.
 */
class RestoreTest {
  private static GeneratedCodecs schema;
  private static ChunkCodec<Object> rtcs;
  private static ChunkCodec<Object> boards;
  private static ChunkCodec<Object> rngs;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "r.Log",
                    "package r;",
                    "public final class Log {",
                    "  public static final java.util.List<String> EVENTS = new java.util.ArrayList<>();",
                    "  private Log() {}",
                    "}"),
                source(
                    "r.Rtc",
                    "package r;",
                    "import io.chunkstate.annotation.*;",
                    "@Chunk(\"RtCc\")",
                    "public class Rtc {",
                    "  @ChunkKey public int port;",
                    "  public final byte[] ram;",
                    "  private final int[] alarms = new int[2];",
                    "  public long savedAt;",
                    "  public transient long clock;",
                    "  public transient int sum;",
                    "  public Rtc() { this(4); }",
                    "  public Rtc(int size) { ram = size < 0 ? null : new byte[size]; }",
                    "  public int[] getAlarms() { return alarms; }",
                    "  @PreSave void save() {",
                    "    if (clock < 0) throw new IllegalStateException(\"clock stopped\");",
                    "    savedAt = clock;",
                    "    Log.EVENTS.add(\"save Rtc \" + port);",
                    "  }",
                    "  @PostLoad void load() {",
                    "    if (ram[0] == 99) throw new IllegalStateException(\"ram says 99\");",
                    "    int s = 0;",
                    "    for (byte b : ram) s += b;",
                    "    sum = s + alarms[0];",
                    "    Log.EVENTS.add(\"load Rtc \" + port + \" sum \" + sum);",
                    "  }",
                    "}"),
                source(
                    "r.Board",
                    "package r;",
                    "import io.chunkstate.annotation.*;",
                    "@Chunk(\"BoAr\")",
                    "public class Board {",
                    "  @ChunkKey public String address;",
                    "  public Rtc rtc;",
                    "  @PostLoad void load() { Log.EVENTS.add(\"load Board \" + address); }",
                    "}"),
                source(
                    "r.Seed",
                    "package r;",
                    "@io.chunkstate.annotation.Chunk(\"seEd\")",
                    "public record Seed(long bits) {",
                    "  public static Seed fromEntropy() { return new Seed(-1); }",
                    "}"),
                source(
                    "r.Rng",
                    "package r;",
                    "import io.chunkstate.annotation.*;",
                    "@Chunk(\"RnGs\")",
                    "public record Rng(@ChunkKey Long id, boolean ready,",
                    "    @WhenAbsent(\"fromEntropy\") Seed seed) {}")));
    rtcs = schema.codec("r.Rtc");
    boards = schema.codec("r.Board");
    rngs = schema.codec("r.Rng");
  }

  @SuppressWarnings("unchecked") // Log.EVENTS is a List<String>
  private static List<String> events() throws Exception {
    return (List<String>) schema.type("r.Log").getField("EVENTS").get(null);
  }

  private static Object newRtc(int port, int size) throws Exception {
    Object rtc = schema.type("r.Rtc").getConstructor(int.class).newInstance(size);
    set(rtc, "port", port);
    return rtc;
  }

  private static Object newBoard(String address, Object rtc) throws Exception {
    Object board = schema.type("r.Board").getConstructor().newInstance();
    set(board, "address", address);
    set(board, "rtc", rtc);
    return board;
  }

  private static Object get(Object owner, String name) throws Exception {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  private static void set(Object owner, String name, Object value) throws Exception {
    owner.getClass().getDeclaredField(name).set(owner, value);
  }

  private static byte[] ram(Object rtc) throws Exception {
    return (byte[]) get(rtc, "ram");
  }

  private static void decodeInto(ChunkCodec<Object> codec, Object target, byte[] data)
      throws ChunkStreamException {
    codec.decodeInto(target, WireReader.of(codec.type(), data));
  }

  @Test
  void keyIsTheValueOfTheKeyFieldBoxed() throws Exception {
    assertEquals(7, rtcs.key(newRtc(7, 4)));
    assertEquals("0000:00:1f.2", boards.key(newBoard("0000:00:1f.2", null)));
    Object rng = schema.type("r.Rng").getConstructors()[0].newInstance(42L, true, null);
    assertEquals(42L, rngs.key(rng));
    assertNull(schema.codec("r.Seed").key(schema.call("r.Seed", "fromEntropy")), "no key");
    assertEquals("port", rtcs.description().orElseThrow().key());
    assertNull(schema.codec("r.Seed").description().orElseThrow().key());
  }

  @Test
  void preSaveRunsBeforeTheFieldsAreWrittenAndPostLoadSeesTheDecodedValues() throws Exception {
    Object rtc = newRtc(3, 4);
    ram(rtc)[1] = 5;
    ((int[]) get(rtc, "alarms"))[0] = 100;
    set(rtc, "clock", 1234L);
    events().clear();
    byte[] data = encode(rtcs, rtc);
    assertEquals(List.of("save Rtc 3"), events());
    assertEquals(1234L, get(rtc, "savedAt"), "the hook ran on the saved object");

    Object decoded = decode(rtcs, data);
    assertEquals(1234L, get(decoded, "savedAt"), "and before its fields were written");
    assertEquals(105, get(decoded, "sum"), "post-load saw the decoded arrays");
    assertEquals(List.of("save Rtc 3", "load Rtc 3 sum 105"), events());
  }

  @Test
  void aSubChunksPostLoadRunsBeforeItsParentsAndAgainOnTheLiveObjects() throws Exception {
    Object board = newBoard("slot 1", newRtc(3, 4));
    ram(get(board, "rtc"))[0] = 2;
    byte[] data = encode(boards, board);
    Object live = newBoard("old", newRtc(9, 4));
    Object liveRtc = get(live, "rtc");
    events().clear();

    decodeInto(boards, live, data);

    assertEquals(
        List.of("load Rtc 3 sum 2", "load Board slot 1", "load Rtc 3 sum 2", "load Board slot 1"),
        events(),
        "on the decoded objects, then on the live ones that apply copied them into");
    assertSame(liveRtc, get(live, "rtc"));
    assertEquals(2, get(liveRtc, "sum"), "the live object's derived field is rebuilt");
  }

  @Test
  void aPreSaveThatThrowsFailsTheEncode() throws Exception {
    Object rtc = newRtc(3, 4);
    set(rtc, "clock", -1L);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> rtcs.encode(rtc, new WireWriter()));
    assertEquals("clock stopped", e.getMessage());
  }

  @Test
  void aPostLoadThatThrowsIsADataErrorNamingTheClassAndLeavesTheTargetUnchanged()
      throws Exception {
    Object source = newRtc(3, 4);
    ram(source)[0] = 99;
    byte[] data = encode(rtcs, source);
    Object target = newRtc(8, 4);
    ram(target)[0] = 1;
    byte[] targetRam = ram(target);
    byte[] before = encode(rtcs, target);

    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decodeInto(rtcs, target, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("r.Rtc refused the decoded values"), e.getMessage());
    assertTrue(e.getMessage().contains("ram says 99"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertSame(targetRam, ram(target));
    assertArrayEquals(before, encode(rtcs, target), "the target is unchanged");
  }

  @Test
  void anAbsentSubChunkGetsItsDeclaredValueAndAPresentOneIsDecoded() throws Exception {
    // An older producer's RnGs: the id and the ready flag, and no seed sub-chunk.
    WireWriter older = new WireWriter();
    older.writePresence(5L);
    older.writeLong(5L);
    older.writeBoolean(true);
    Object restored = decode(rngs, older.toByteArray());
    assertEquals("Rng[id=5, ready=true, seed=Seed[bits=-1]]", restored.toString());

    Object seeded =
        schema
            .type("r.Rng")
            .getConstructors()[0]
            .newInstance(
                6L, false, schema.type("r.Seed").getConstructors()[0].newInstance(0x5eedL));
    assertEquals(seeded, decode(rngs, encode(rngs, seeded)));
  }

  @Test
  void aFinalArrayIsTheSameArrayAfterDecodeIntoWithTheNewContents() throws Exception {
    Object source = newRtc(3, 4);
    ram(source)[2] = 42;
    ((int[]) get(source, "alarms"))[1] = 17;
    Object target = newRtc(8, 4);
    byte[] targetRam = ram(target);
    int[] targetAlarms = (int[]) get(target, "alarms");

    assertNull(rtcs.applyMismatch(decode(rtcs, encode(rtcs, source)), target));
    decodeInto(rtcs, target, encode(rtcs, source));

    assertSame(targetRam, ram(target));
    assertArrayEquals(new byte[] {0, 0, 42, 0}, targetRam);
    assertSame(targetAlarms, get(target, "alarms"));
    assertArrayEquals(new int[] {0, 17}, targetAlarms);
    assertEquals(3, get(target, "port"));
  }

  @Test
  void aTargetArrayOfAnotherLengthIsADataErrorNamingTheFieldAndLeavesTheTargetUnchanged()
      throws Exception {
    byte[] data = encode(rtcs, newRtc(3, 4));
    Object target = newRtc(8, 6);
    ram(target)[5] = 1;
    byte[] before = encode(rtcs, target);

    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decodeInto(rtcs, target, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(
        e.getMessage()
            .contains(
                "ram is a final array, filled in place, so its length cannot change: the target"
                    + " holds 6 elements and the stream 4 elements"),
        e.getMessage());
    assertArrayEquals(before, encode(rtcs, target));

    ChunkStreamException none =
        assertThrows(ChunkStreamException.class, () -> decodeInto(rtcs, newRtc(8, -1), data));
    assertTrue(none.getMessage().contains("the target holds null"), none.getMessage());
  }

  @Test
  void aNestedMismatchIsNamedByItsFieldPathAndNothingIsApplied() throws Exception {
    byte[] data = encode(boards, newBoard("new", newRtc(3, 4)));
    Object target = newBoard("old", newRtc(8, 2));
    byte[] before = encode(boards, target);

    String mismatch = boards.applyMismatch(decode(boards, data), target);
    assertTrue(mismatch.startsWith("rtc.ram is a final array"), mismatch);
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decodeInto(boards, target, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("rtc.ram is a final array"), e.getMessage());
    assertArrayEquals(before, encode(boards, target), "the board and its clock are unchanged");
    assertEquals("old", get(target, "address"));
  }

  @Test
  void aStreamArrayOfAnotherLengthThanANewInstancesIsADataErrorNamingTheField()
      throws Exception {
    byte[] data = encode(rtcs, newRtc(3, 5));
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> decode(rtcs, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(
        e.getMessage()
            .contains(
                "ram is a final array, filled in place, so its length cannot change: a new r.Rtc"
                    + " holds 4 elements and the stream 5 elements"),
        e.getMessage());

    byte[] nullRam = encode(rtcs, newRtc(3, -1));
    ChunkStreamException none =
        assertThrows(ChunkStreamException.class, () -> decode(rtcs, nullRam));
    assertTrue(none.getMessage().contains("and the stream null"), none.getMessage());
  }

  @Test
  void aStateSplitOverSeveralMethodsFillsItsFinalArraysInPlaceAndRunsItsHook() throws Exception {
    StringBuilder text =
        new StringBuilder(
            "package big;\n@io.chunkstate.annotation.Chunk(\"BiGs\")\npublic class Big {\n");
    for (int i = 0; i < 2000; i++) {
      text.append("  public int f").append(i).append(";\n");
    }
    text.append("  public final long[] tail = new long[3];\n")
        .append("  public transient long total;\n")
        .append("  @io.chunkstate.annotation.PostLoad void load() { total = f0 + tail[2]; }\n")
        .append("}\n");
    GeneratedCodecs big =
        GeneratedCodecs.compile(
            List.of(com.google.testing.compile.JavaFileObjects.forSourceString("big.Big", text.toString())));
    ChunkCodec<Object> codec = big.codec("big.Big");
    Object source = big.type("big.Big").getConstructor().newInstance();
    set(source, "f0", 5);
    ((long[]) get(source, "tail"))[2] = 40;
    Object target = big.type("big.Big").getConstructor().newInstance();
    long[] tail = (long[]) get(target, "tail");

    decodeInto(codec, target, encode(codec, source));

    assertSame(tail, get(target, "tail"));
    assertArrayEquals(new long[] {0, 0, 40}, tail);
    assertEquals(45L, get(target, "total"));
    assertTrue(
        GoldenTest.read(big.compilation().generatedSourceFile("big.BigChunkCodec").orElseThrow())
            .contains("applyPart1"),
        "the codec is split");
  }
}

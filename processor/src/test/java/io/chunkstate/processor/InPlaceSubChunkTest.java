package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.ReadOptions;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.testing.Frames;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sub-chunks of a record of primitives, which a codec reads in place rather than through
 * {@code nextSubChunk} and the record's own codec: whatever the bytes, a read ends as it does
 * through the record's own codec, with the same state or the same error (kind, offset, path and
 * detail). The reference is the same schema whose records each declare a post-load hook that does
 * nothing, which their parent's codec leaves to their own codecs.
 */
class InPlaceSubChunkTest {
  private static ChunkCodec<Object> inPlace;
  private static ChunkCodec<Object> reference;

  private static List<JavaFileObject> schema(boolean hooks) {
    String hook = hooks ? "  @io.chunkstate.annotation.PostLoad void loaded() {}" : "";
    return List.of(
        source(
            "p.Timer",
            "package p;",
            "@io.chunkstate.annotation.Chunk(\"TmRs\")",
            "public record Timer(long deadline, int period, boolean armed) {",
            "  public static int built;",
            "  public Timer {",
            "    built++;",
            "    if (period < 0) { throw new IllegalArgumentException(\"a negative period\"); }",
            "  }",
            hook,
            "}"),
        source(
            "p.Tick",
            "package p;",
            "@io.chunkstate.annotation.Chunk(\"TkRs\")",
            "record Tick(boolean level, char code) {",
            hook,
            "}"),
        source(
            "p.Mark",
            "package p;",
            "@io.chunkstate.annotation.Chunk(\"MkRs\")",
            "public record Mark(short at, double weight) {",
            hook,
            "}"),
        source(
            "p.Uart",
            "package p;",
            "@io.chunkstate.annotation.Chunk(\"UaRt\")",
            "public record Uart(int id, Timer timer, java.util.List<Tick> ticks, Mark[] marks) {",
            "  @Override public String toString() {",
            "    return \"Uart[\" + id + \", \" + timer + \", \" + ticks + \", \"",
            "        + java.util.Arrays.toString(marks) + \"]\";",
            "  }",
            "}"));
  }

  private static GeneratedCodecs fast;
  private static GeneratedCodecs slow;

  @BeforeAll
  static void compile() {
    fast = GeneratedCodecs.compile(schema(false));
    slow = GeneratedCodecs.compile(schema(true));
    inPlace = fast.codec("p.Uart");
    reference = slow.codec("p.Uart");
    String generated = generatedSource(fast, "p.UartChunkCodec");
    assertTrue(generated.contains("readTimerInPlace") && generated.contains("readTickInPlace")
        && generated.contains("readMarkInPlace"), "every record of primitives is read in place");
    assertFalse(generatedSource(slow, "p.UartChunkCodec").contains("InPlace"),
        "a record with a post-load hook is read by its own codec");
  }

  private static String generatedSource(GeneratedCodecs codecs, String className) {
    try {
      return codecs.compilation()
          .generatedSourceFile(className)
          .orElseThrow()
          .getCharContent(false)
          .toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  // ---- the bytes ----

  private static byte[] frame(String type, byte[] data) {
    return Frames.frame(ChunkType.of(type), data);
  }

  private static byte[] timer(long deadline, int period, int armed) {
    return ByteBuffer.allocate(13).putLong(deadline).putInt(period).put((byte) armed).array();
  }

  private static byte[] tick(int level, char code) {
    return ByteBuffer.allocate(3).put((byte) level).putChar(code).array();
  }

  private static byte[] mark(int at, double weight) {
    return ByteBuffer.allocate(10).putShort((short) at).putDouble(weight).array();
  }

  /** One sub-chunk of the device: its type and data, framed when the device is built. */
  private record Sub(String type, byte[] data) {}

  private static List<Sub> device() {
    return List.of(
        new Sub("TmRs", timer(5, 10, 1)),
        new Sub("TkRs", tick(1, 'a')),
        new Sub("TkRs", tick(0, 'b')),
        new Sub("MkRs", mark(3, 0.5)),
        new Sub("MkRs", mark(4, -1)));
  }

  private static byte[] data(List<Sub> subs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(42).array());
    for (Sub sub : subs) {
      out.writeBytes(frame(sub.type(), sub.data()));
    }
    return out.toByteArray();
  }

  private static List<Sub> with(List<Sub> subs, int index, UnaryOperator<Sub> change) {
    List<Sub> changed = new ArrayList<>(subs);
    changed.set(index, change.apply(subs.get(index)));
    return changed;
  }

  private static Sub setByte(Sub sub, int i, int value) {
    byte[] data = sub.data().clone();
    data[i] = (byte) value;
    return new Sub(sub.type(), data);
  }

  /** Every shape a peer could send for the device's sub-chunks, with their CRCs right. */
  private static List<List<Sub>> variants() {
    List<Sub> base = device();
    List<List<Sub>> variants = new ArrayList<>();
    variants.add(base);
    variants.add(List.of());
    variants.add(base.subList(1, base.size())); // no timer
    variants.add(base.subList(0, 1)); // a timer alone
    List<Sub> reordered = new ArrayList<>(base.subList(1, base.size()));
    reordered.add(base.get(0)); // the timer last
    variants.add(reordered);
    List<Sub> twice = new ArrayList<>(base);
    twice.add(2, base.get(0)); // a second timer among the ticks
    variants.add(twice);
    List<Sub> unknown = new ArrayList<>(base);
    unknown.add(2, new Sub("exTr", new byte[] {1, 2}));
    variants.add(unknown);
    List<Sub> critical = new ArrayList<>(base);
    critical.add(1, new Sub("ExTr", new byte[0]));
    variants.add(critical);
    // The timer with more data than its layout: a byte, an unknown sub-chunk, a critical one.
    variants.add(with(base, 0, s -> new Sub(s.type(), ByteBuffer.allocate(14).put(s.data()).array())));
    variants.add(with(base, 0, s -> new Sub(s.type(), concat(s.data(), frame("exTr", new byte[1])))));
    variants.add(with(base, 0, s -> new Sub(s.type(), concat(s.data(), frame("ExTr", new byte[0])))));
    // And with less.
    variants.add(with(base, 0, s -> new Sub(s.type(), java.util.Arrays.copyOf(s.data(), 12))));
    // Every byte of every sub-chunk's data set to values that break or keep each field.
    for (int index = 0; index < base.size(); index++) {
      for (int i = 0; i < base.get(index).data().length; i++) {
        for (int value : new int[] {0x00, 0x01, 0x02, 0x7f, 0x80, 0xff}) {
          int at = i;
          variants.add(with(base, index, s -> setByte(s, at, value)));
        }
      }
    }
    return variants;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }

  // ---- the outcomes ----

  private static String decoded(ChunkCodec<Object> codec, byte[] data) {
    WireReader in = WireReader.of(ChunkType.of("UaRt"), data);
    try {
      Object state = codec.decode(in);
      return state + " left " + in.remaining() + " skipped " + in.skipped();
    } catch (ChunkStreamException e) {
      return e.kind() + " at " + e.offset() + " " + e.path() + ": " + e.detail();
    }
  }

  /** How the read of {@code stream} ends, and how many timers were built on the way. */
  private static String read(GeneratedCodecs schema, byte[] stream, ReadOptions options) {
    ChunkCodec<Object> codec = schema.codec("p.Uart");
    String ending;
    int before = timersBuilt(schema);
    try {
      Snapshot snapshot = StateReader.read(stream, ChunkRegistry.of(codec), options);
      ending = snapshot.states() + " skipped " + snapshot.skipped();
    } catch (ChunkStreamException e) {
      ending = e.kind() + " at " + e.offset() + " " + e.path() + ": " + e.detail();
    }
    return ending + "; timers built " + (timersBuilt(schema) - before);
  }

  private static int timersBuilt(GeneratedCodecs schema) {
    try {
      return schema.type("p.Timer").getField("built").getInt(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theDeviceReadsBack() {
    assertEquals(
        "Uart[42, Timer[deadline=5, period=10, armed=true], [Tick[level=true, code=a],"
            + " Tick[level=false, code=b]], [Mark[at=3, weight=0.5], Mark[at=4, weight=-1.0]]]"
            + " left 0 skipped []",
        decoded(inPlace, data(device())));
  }

  @Test
  void everyShapeOfTheSubChunksEndsAsThroughTheRecordsOwnCodec() {
    java.util.Set<String> endings = new java.util.TreeSet<>();
    for (List<Sub> variant : variants()) {
      byte[] data = data(variant);
      String expected = decoded(reference, data);
      assertEquals(expected, decoded(inPlace, data), () -> "the sub-chunks " + describe(variant));
      endings.add(expected.startsWith("Uart[") ? "read" : expected.substring(0, expected.indexOf(' ')));
    }
    assertEquals(
        java.util.Set.of("read", "DATA", "LENGTH", "STRUCTURE", "UNKNOWN_CRITICAL"),
        endings,
        "states read, and every error a codec of sub-chunks names");
  }

  /** Every byte of the device's data, its framing and CRCs included, set to other values. */
  @Test
  void everyDamagedByteEndsAsThroughTheRecordsOwnCodec() {
    byte[] valid = data(device());
    for (int i = 4; i < valid.length; i++) {
      for (int value : new int[] {0x00, 0x01, 0x0c, 0x41, 0x80, 0xff}) {
        byte[] data = valid.clone();
        data[i] = (byte) value;
        assertEquals(
            decoded(reference, data), decoded(inPlace, data), "byte " + i + " set to " + value);
      }
    }
  }

  /**
   * Under every budget up to one that reads it and every nesting limit, the same ending, and the
   * same timers built: none once the budget has run out before its sub-chunk. For a device whose
   * timer refuses its values too.
   */
  @Test
  void everyLimitEndsAsThroughTheRecordsOwnCodec() {
    List<Sub> refusing = with(device(), 0, s -> new Sub(s.type(), timer(5, -1, 1)));
    for (List<Sub> subs : List.of(device(), refusing)) {
      byte[] stream = StreamBuilder.withHeader().chunk("UaRt", data(subs)).end().bytes();
      java.util.Set<String> endings = new java.util.TreeSet<>();
      for (long budget = 1; budget <= 2048; budget++) {
        ReadOptions options = ReadOptions.defaults().withAllocationBudget(budget);
        String expected = read(slow, stream, options);
        assertEquals(expected, read(fast, stream, options), "budget " + budget);
        endings.add(expected.replaceAll(" at .*;", ";").replaceAll("^\\[.*\\]", "read"));
      }
      assertEquals(
          subs == refusing
              ? java.util.Set.of("LIMIT; timers built 0", "DATA; timers built 1")
              : java.util.Set.of(
                  "LIMIT; timers built 0", "LIMIT; timers built 1", "read; timers built 1"),
          endings,
          "a budget that runs out before the timer's sub-chunk, one that runs out after it");
      for (int levels = 0; levels <= 2; levels++) {
        ReadOptions options = ReadOptions.defaults().withMaxNesting(levels);
        assertEquals(read(slow, stream, options), read(fast, stream, options), "nesting " + levels);
      }
    }
  }

  /**
   * A record whose components are named like the first name of a package the codec writes types
   * of in full: the locals of the code that reads it in place hide no package.
   */
  @Test
  void localsHideNoPackage() {
    GeneratedCodecs codecs =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "io.dev.Timer",
                    "package io.dev;",
                    "@io.chunkstate.annotation.Chunk(\"IoTm\")",
                    "public record Timer(int io, long at, boolean java) {}"),
                source(
                    "at.home.Timer",
                    "package at.home;",
                    "@io.chunkstate.annotation.Chunk(\"AtTm\")",
                    "public record Timer(short in, char value) {}"),
                source(
                    "p.Clocks",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"PcLk\")",
                    "public record Clocks(io.dev.Timer first, java.util.List<at.home.Timer> more) {}")));
    String generated = generatedSource(codecs, "p.ClocksChunkCodec");
    assertTrue(generated.contains("readTimerInPlace") && generated.contains("io.dev.Timer"),
        generated);
  }

  private static String describe(List<Sub> subs) {
    StringBuilder text = new StringBuilder();
    for (Sub sub : subs) {
      text.append(sub.type()).append(java.util.HexFormat.of().formatHex(sub.data())).append(' ');
    }
    return text.toString();
  }
}

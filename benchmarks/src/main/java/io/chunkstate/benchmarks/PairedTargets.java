package io.chunkstate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every pair of benchmarks whose ratio is a target of {@code docs/PERFORMANCE.md}, timed in turns
 * as {@link PairedReads} times reads: the two JMH benchmark methods of the pair, called directly,
 * each pair in a JVM of its own with the heap its benchmarks' forks have, so that a stretch in
 * which the machine runs slower falls on both sides of every ratio. Each pair runs in five JVMs,
 * one after the other; each JVM writes one line to a file of tab-separated values that {@code
 * ResultsReport} turns into the table of the targets judged on paired medians:
 *
 * <pre>
 * pair  side  other side  side's median ns  other side's median ns  median ratio  lowest  highest
 * </pre>
 *
 * The ratio is the first side's time over the second's: for a peer, the peer comes first, so the
 * ratio is how many times as fast chunkstate is.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chunkstate.benchmarks.PairedTargets \
 *     docs/perf/paired.tsv                # every pair, five JVMs each: 10 minutes
 * java -cp benchmarks/target/benchmarks.jar io.chunkstate.benchmarks.PairedTargets \
 *     --pair read-array:devices           # one pair, in this JVM; its line on standard output
 * </pre>
 */
public final class PairedTargets {
  /** Each pair's two sides and their benchmarks' heap, in the order of the targets table. */
  static final Map<String, Pair> PAIRS = new LinkedHashMap<>();

  /** The side timed first, the side timed second, and the heap their JVMs get. */
  record Pair(String side, String otherSide, String heap) {}

  /**
   * JVMs a pair runs in: a JVM can settle in a slower mode for the whole of its run, on either
   * side (see "Where the time goes"), so the report takes the median of five.
   */
  private static final int JVMS = 5;

  private static final String HEAP_1G = "1g";
  private static final String HEAP_3G = "3g";

  static {
    for (String stream : List.of("one", "devices")) {
      for (String path :
          List.of("writeOutputStream", "writeArray", "readArray", "readInputStream")) {
        PAIRS.put(kebab(path) + ":" + stream, new Pair("chunkstate", "hand-written", HEAP_3G));
      }
    }
    PAIRS.put("encode:chunk", new Pair("chunkstate", "hand-written", HEAP_1G));
    PAIRS.put("decode:chunk", new Pair("chunkstate", "hand-written", HEAP_1G));
    for (String peer : List.of("protobuf", "kryo-compatible")) {
      for (String way : List.of("encode", "decode")) {
        PAIRS.put(way + ":" + peer, new Pair(peer, "chunkstate", HEAP_1G));
        PAIRS.put(way + ":" + peer + "-hand-written", new Pair(peer, "hand-written", HEAP_1G));
      }
    }
    for (String way : List.of("write", "read")) {
      PAIRS.put(way + ":snapshot", new Pair("floor", "chunkstate", HEAP_3G));
      if (way.equals("write")) {
        PAIRS.put("write:snapshot-into-array", new Pair("floor", "chunkstate into", HEAP_3G));
      }
      PAIRS.put(way + ":snapshot-hand-written", new Pair("floor", "hand-written", HEAP_3G));
    }
  }

  private Object kept;

  private PairedTargets() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--pair") && PAIRS.containsKey(args[1])) {
      System.out.println(new PairedTargets().run(args[1]));
    } else if (args.length == 1 && !args[0].startsWith("--")) {
      runAll(Path.of(args[0]));
    } else {
      System.err.println(
          "usage: PairedTargets <paired.tsv> | --pair <" + String.join("|", PAIRS.keySet()) + ">");
      System.exit(2);
    }
  }

  /** Runs every pair in {@link #JVMS} JVMs of its own, one after the other, into {@code out}. */
  private static void runAll(Path out) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Pair> pair : PAIRS.entrySet()) {
      String heap = pair.getValue().heap();
      for (int jvm = 0; jvm < JVMS; jvm++) {
        Process process =
            new ProcessBuilder(
                    java, "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", Jvm.AGRONA,
                    "-cp", classPath, PairedTargets.class.getName(), "--pair", pair.getKey())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line =
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
          throw new IOException("the pair " + pair.getKey() + " failed");
        }
        System.out.println(line);
        lines.add(line);
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  /** Times the two sides of {@code pair} in turns and returns its line. */
  private String run(String pair) throws Exception {
    Pair sides = PAIRS.get(pair);
    Call[] calls = calls(pair);
    Turns.Result result = Turns.compareFor(side(calls[0]), side(calls[1]), 20_000_000L);
    return String.format(
        Locale.ROOT,
        "%s\t%s\t%s\t%.1f\t%.1f\t%.3f\t%.3f\t%.3f",
        pair, sides.side(), sides.otherSide(), result.ours(), result.theirs(), result.ratio(),
        result.lowest(), result.highest());
  }

  /** One call of a benchmark method. */
  interface Call {
    Object call() throws Exception;
  }

  private Turns.Side side(Call call) {
    return times -> {
      long start = System.nanoTime();
      for (int i = 0; i < times; i++) {
        kept = call.call();
      }
      return System.nanoTime() - start;
    };
  }

  /** The benchmark methods of {@code pair}'s two sides, set up as JMH sets them up. */
  static Call[] calls(String pair) throws Exception {
    String way = pair.substring(0, pair.indexOf(':'));
    String what = pair.substring(pair.indexOf(':') + 1);
    Pair sides = PAIRS.get(pair);
    return switch (what) {
      case "one", "devices" -> streamCalls(way, what);
      case "snapshot", "snapshot-into-array", "snapshot-hand-written" -> {
        SnapshotBenchmark b = new SnapshotBenchmark(); // 64 MiB of state: one for both sides
        b.encode();
        yield new Call[] {
          snapshotCall(b, way, sides.side()), snapshotCall(b, way, sides.otherSide())
        };
      }
      default ->
          new Call[] {deviceCall(way, sides.side()), deviceCall(way, sides.otherSide())};
    };
  }

  private static Call[] streamCalls(String way, String stream) {
    StreamBenchmark b = new StreamBenchmark();
    b.stream = stream;
    b.setUp();
    return switch (way) {
      case "write-output-stream" ->
          new Call[] {b::writeOutputStreamChunkstate, b::writeOutputStreamHandWritten};
      case "write-array" -> new Call[] {b::writeArrayChunkstate, b::writeArrayHandWritten};
      case "read-array" -> new Call[] {b::readArrayChunkstate, b::readArrayHandWritten};
      default -> new Call[] {b::readInputStreamChunkstate, b::readInputStreamHandWritten};
    };
  }

  /** {@code side}'s device encode or decode, a scenario 1 benchmark set up for it alone. */
  private static Call deviceCall(String way, String side) {
    if (way.equals("encode")) {
      DeviceEncodeBenchmark b = new DeviceEncodeBenchmark();
      DeviceEncodeBenchmark.Chunkstate c = new DeviceEncodeBenchmark.Chunkstate();
      return pick(side, () -> b.chunkstate(c), b::protobuf, b::kryoCompatible, b::handWritten);
    }
    DeviceDecodeBenchmark b = new DeviceDecodeBenchmark();
    b.encode();
    DeviceDecodeBenchmark.Chunkstate c = new DeviceDecodeBenchmark.Chunkstate();
    c.write();
    return pick(side, () -> b.chunkstate(c), b::protobuf, b::kryoCompatible, b::handWritten);
  }

  private static Call pick(
      String side, Call chunkstate, Call protobuf, Call kryoCompatible, Call handWritten) {
    return switch (side) {
      case "chunkstate" -> chunkstate;
      case "protobuf" -> protobuf;
      case "kryo-compatible" -> kryoCompatible;
      default -> handWritten;
    };
  }

  /** {@code side}'s write or read of {@code b}'s 64 MiB snapshot, or the copy + CRC32 floor. */
  private static Call snapshotCall(SnapshotBenchmark b, String way, String side) {
    if (side.equals("floor")) {
      return b::floor;
    }
    if (side.equals("hand-written")) {
      return way.equals("write") ? b::writeHandWritten : b::readHandWritten;
    }
    SnapshotBenchmark.Chunkstate c = new SnapshotBenchmark.Chunkstate();
    c.write(b);
    if (side.equals("chunkstate into")) {
      return () -> b.writeChunkstateIntoArray(c);
    }
    return way.equals("write") ? () -> b.writeChunkstate(c) : () -> b.readChunkstate(c);
  }

  /** {@code writeOutputStream} as {@code write-output-stream}. */
  private static String kebab(String name) {
    return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}

package io.chunkstate.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Page;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Turns the JSON of one JMH run ({@code -rf json}, or {@link InterleavedRun}'s, which has the same
 * format) into the tables of {@code docs/PERFORMANCE.md} (Markdown, on standard output) and a PNG
 * plot of the one-chunk and snapshot scenarios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chunkstate.benchmarks.report.ResultsReport \
 *     docs/perf/jmh.json docs/perf/scenarios.png \
 *     docs/perf/scale-heap.tsv docs/perf/compile-lines.tsv docs/perf/paired.tsv
 * </pre>
 */
public final class ResultsReport {
  private static final String PACKAGE = "io.chunkstate.benchmarks.";

  /** Codec labels, in table order, and the suffix of their benchmark methods. */
  private static final Map<String, String> CODECS = new LinkedHashMap<>();

  static {
    CODECS.put("chunkstate", "Chunkstate");
    CODECS.put("hand-written", "HandWritten");
    CODECS.put("SBE", "Sbe");
    CODECS.put("SBE + CRC", "SbeCrc");
    CODECS.put("protobuf-java 4", "Protobuf");
    CODECS.put("Kryo 5, RecordSerializer", "Kryo");
    CODECS.put("Kryo 5, CompatibleFieldSerializer", "KryoCompatible");
    CODECS.put("JDK serialization", "Jdk");
  }

  private final Map<String, Result> results;

  private ResultsReport(Map<String, Result> results) {
    this.results = results;
  }

  /**
   * One benchmark's score, its error, the bytes it allocated per operation (-prof gc), and its
   * best (lowest) measured iteration: on a loaded machine, the iteration least disturbed.
   */
  record Result(double score, double error, String unit, double bytesPerOp, double best) {}

  /**
   * Reads {@code args[0]} (JMH JSON); writes the plot to {@code args[1]}; prints the tables. The
   * optional {@code args[2]} and {@code args[3]} are the {@code scale-heap.tsv} and {@code
   * compile-lines.tsv} the scale and compile-time benchmarks write; the optional {@code args[4]}
   * is the {@code paired.tsv} of {@code PairedTargets}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 5) {
      System.err.println(
          "usage: ResultsReport <jmh.json> <plot.png> [scale-heap.tsv] [compile-lines.tsv]"
              + " [paired.tsv]");
      System.exit(2);
    }
    ResultsReport report = new ResultsReport(read(Path.of(args[0])));
    long streamBytes = snapshotStreamBytes();
    System.out.println(report.deviceTable());
    System.out.println(report.streamTable());
    System.out.println(report.snapshotTable(streamBytes));
    System.out.println(report.scaleTable(args.length > 2 ? tsv(Path.of(args[2])) : List.of()));
    System.out.println(
        report.compileTable(args.length > 3 ? tsv(Path.of(args[3])) : List.of()));
    System.out.println(report.targetsTable(streamBytes));
    if (args.length > 4) {
      System.out.println(pairedTable(tsv(Path.of(args[4]))));
    }
    report.plot(streamBytes, Path.of(args[1]));
  }

  private static List<String[]> tsv(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  static Map<String, Result> read(Path json) throws IOException {
    Map<String, Result> out = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      JsonArray runs = JsonParser.parseReader(in).getAsJsonArray();
      for (JsonElement element : runs) {
        JsonObject run = element.getAsJsonObject();
        String name = run.get("benchmark").getAsString().replace(PACKAGE, "");
        JsonObject params = run.getAsJsonObject("params");
        if (params != null) {
          StringBuilder key = new StringBuilder(name);
          for (Map.Entry<String, JsonElement> param : params.entrySet()) {
            key.append(':').append(param.getValue().getAsString());
          }
          name = key.toString();
        }
        JsonObject primary = run.getAsJsonObject("primaryMetric");
        double bytes = Double.NaN;
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        if (secondary != null) {
          for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
            if (metric.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
              bytes = metric.getValue().getAsJsonObject().get("score").getAsDouble();
            }
          }
        }
        double best = Double.NaN;
        JsonArray raw = primary.getAsJsonArray("rawData");
        if (raw != null) {
          for (JsonElement fork : raw) {
            for (JsonElement iteration : fork.getAsJsonArray()) {
              double v = iteration.getAsDouble();
              best = Double.isNaN(best) ? v : Math.min(best, v);
            }
          }
        }
        out.put(
            name,
            new Result(
                primary.get("score").getAsDouble(),
                errorOf(primary),
                primary.get("scoreUnit").getAsString(),
                bytes,
                best));
      }
    }
    return out;
  }

  private static double errorOf(JsonObject primary) {
    JsonElement error = primary.get("scoreError");
    return error == null || !error.isJsonPrimitive() || !error.getAsJsonPrimitive().isNumber()
        ? Double.NaN
        : error.getAsDouble();
  }

  /** The size of the scenario 2 stream: the hand-written encoder writes the chunkstate bytes. */
  static long snapshotStreamBytes() {
    MachineSnapshot machine = Fixtures.machine();
    HandWritten writer = new HandWritten((int) (Fixtures.MACHINE_MEMORY * 9 / 8));
    writer.writeHeader("chunkstate-benchmarks");
    for (DeviceState device : machine.devices()) {
      writer.writeDevice(device);
    }
    for (Page page : machine.pages()) {
      writer.writePage(page);
    }
    writer.writeEnd();
    return writer.size();
  }

  private Result get(String benchmark) {
    return results.get(benchmark);
  }

  private Result enc(String method) {
    return get("DeviceEncodeBenchmark." + method);
  }

  private Result dec(String method) {
    return get("DeviceDecodeBenchmark." + method);
  }

  String deviceTable() {
    StringBuilder out = new StringBuilder();
    out.append("| codec | encode ns/op | encode B/op | encode vs hand-written"
        + " | decode ns/op | decode B/op | decode vs hand-written |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Result encodeBase = enc("handWritten");
    Result decodeBase = dec("handWritten");
    for (Map.Entry<String, String> codec : CODECS.entrySet()) {
      String method = lowerFirst(codec.getValue());
      Result encode = enc(method);
      Result decode = dec(method);
      out.append("| ").append(codec.getKey())
          .append(" | ").append(score(encode))
          .append(" | ").append(bytes(encode))
          .append(" | ").append(ratio(encode, encodeBase))
          .append(" | ").append(score(decode))
          .append(" | ").append(bytes(decode))
          .append(" | ").append(ratio(decode, decodeBase))
          .append(" |\n");
    }
    Result stream = dec("chunkstateStream");
    Result handStream = dec("handWrittenStream");
    out.append("\nOne-device stream through `StateReader.read(byte[], registry)`: chunkstate ")
        .append(score(stream)).append(" ns/op (").append(bytes(stream))
        .append(" B/op), hand-written ").append(score(handStream)).append(" ns/op (")
        .append(bytes(handStream)).append(" B/op): ").append(ratio(stream, handStream))
        .append(".\n");
    return out.toString();
  }

  String snapshotTable(long streamBytes) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Stream size: %d bytes (%.1f MiB). GB/s = that size / time, for every codec.%n%n",
        streamBytes, streamBytes / 1048576.0));
    out.append("| codec | write ms/op | write GB/s | write vs floor"
        + " | read ms/op | read GB/s | read vs floor |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Result floor = get("SnapshotBenchmark.floor");
    out.append("| copy + CRC32 floor | ").append(score(floor)).append(" | ")
        .append(gbps(floor, streamBytes)).append(" | 100% | ").append(score(floor)).append(" | ")
        .append(gbps(floor, streamBytes)).append(" | 100% |\n");
    for (Map.Entry<String, String> codec : CODECS.entrySet()) {
      Result write = get("SnapshotBenchmark.write" + codec.getValue());
      Result read = get("SnapshotBenchmark.read" + codec.getValue());
      out.append("| ").append(codec.getKey())
          .append(" | ").append(score(write))
          .append(" | ").append(gbps(write, streamBytes))
          .append(" | ").append(percentOf(floor, write))
          .append(" | ").append(score(read))
          .append(" | ").append(gbps(read, streamBytes))
          .append(" | ").append(percentOf(floor, read))
          .append(" |\n");
      if (codec.getKey().equals("chunkstate")) {
        Result into = get("SnapshotBenchmark.writeChunkstateIntoArray");
        out.append("| chunkstate, `StateWriter.into` a byte array | ").append(score(into))
            .append(" | ").append(gbps(into, streamBytes))
            .append(" | ").append(percentOf(floor, into)).append(" | | | |\n");
      }
    }
    return out.toString();
  }

  String compileTable(List<String[]> lines) {
    Result alone = get("CompileTimeBenchmark.javac:500");
    Result withCodecs = get("CompileTimeBenchmark.javacWithGeneratedCodecs:500");
    Result processed = get("CompileTimeBenchmark.javacWithProcessor:500");
    Result protoc = get("CompileTimeBenchmark.protocAndJavac:500");
    StringBuilder out = new StringBuilder();
    out.append("| compilation of 500 schemas | ms | vs javac alone | vs protoc + javac |\n")
        .append("|---|---:|---:|---:|\n")
        .append("| javac, `-proc:none`, the 500 `@Chunk` records | ").append(score(alone))
        .append(" | ").append(ratio(alone, alone)).append(" | ").append(ratio(alone, protoc))
        .append(" |\n")
        .append("| javac, `-proc:none`, the records and the 500 codecs generated for them | ")
        .append(score(withCodecs)).append(" | ").append(ratio(withCodecs, alone)).append(" | ")
        .append(ratio(withCodecs, protoc)).append(" |\n")
        .append("| javac with `ChunkProcessor` (chunkstate's build) | ").append(score(processed))
        .append(" | ").append(ratio(processed, alone)).append(" | ")
        .append(ratio(processed, protoc)).append(" |\n")
        .append("| `protoc` over the 500 `.proto` files, then javac over its Java | ")
        .append(score(protoc)).append(" | ").append(ratio(protoc, alone)).append(" | ")
        .append(ratio(protoc, protoc)).append(" |\n");
    if (!lines.isEmpty()) {
      out.append("\n| generated Java | lines | fields | lines per field |\n|---|---:|---:|---:|\n");
      for (String[] row : lines) {
        long n = Long.parseLong(row[1]);
        long fields = Long.parseLong(row[2]);
        out.append("| ").append(row[0]).append(" | ").append(n).append(" | ").append(fields)
            .append(" | ").append(String.format(Locale.ROOT, "%.1f", (double) n / fields))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static final String[] STREAMS = {"one", "devices", "snapshot"};
  private static final String[] STREAM_NAMES = {
    "one device", "64 devices", "64 devices + 64 MiB of pages"
  };
  private static final String[][] STREAM_PATHS = {
    {"writeOutputStream", "write, `StateWriter.open` over an output stream"},
    {"writeArray", "write, `StateWriter.into` a byte array"},
    {"readArray", "read, `StateReader.read` of a byte array"},
    {"readInputStream", "read, `StateReader.read` of an input stream"},
  };

  String streamTable() {
    StringBuilder out = new StringBuilder();
    out.append("| stream | path | chunkstate µs/op | B/op | hand-written µs/op | B/op"
        + " | vs hand-written (best iterations) |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < STREAMS.length; i++) {
      for (String[] path : STREAM_PATHS) {
        Result c = get("StreamBenchmark." + path[0] + "Chunkstate:" + STREAMS[i]);
        Result h = get("StreamBenchmark." + path[0] + "HandWritten:" + STREAMS[i]);
        out.append("| ").append(STREAM_NAMES[i]).append(" | ").append(path[1])
            .append(" | ").append(score(c)).append(" | ").append(bytes(c))
            .append(" | ").append(score(h)).append(" | ").append(bytes(h))
            .append(" | ").append(ratios(c, h)).append(" |\n");
      }
    }
    return out.toString();
  }

  String scaleTable(List<String[]> heap) {
    StringBuilder out = new StringBuilder();
    out.append("| stream | write ms | write GB/s | write peak heap MiB | read ms | read GB/s"
        + " | read peak heap MiB |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (String size : new String[] {"256", "1024", "2048"}) {
      Result w = get("ScaleBenchmark.write:" + size);
      Result r = get("ScaleBenchmark.read:" + size);
      long bytes = Long.parseLong(size) << 20;
      out.append("| ").append(size.equals("256") ? "256 MiB" : Long.parseLong(size) / 1024 + " GiB")
          .append(" | ").append(score(w)).append(" | ").append(gbps(w, bytes))
          .append(" | ").append(peak(heap, "write", size))
          .append(" | ").append(score(r)).append(" | ").append(gbps(r, bytes))
          .append(" | ").append(peak(heap, "read", size)).append(" |\n");
    }
    return out.toString();
  }

  private static String peak(List<String[]> heap, String method, String size) {
    for (String[] row : heap) {
      if (row[0].equals(method) && row[1].equals(size)) {
        return String.format(Locale.ROOT, "%.0f", Long.parseLong(row[2]) / 1048576.0);
      }
    }
    return "—";
  }

  String targetsTable(long streamBytes) {
    StringBuilder out =
        new StringBuilder(
            "| what | target | result: ratio of means (of best iterations) |\n|---|---|---|\n");
    out.append("| one-device stream, write and read, vs hand-written | ≤ 1.25× | ")
        .append(streamRatios("one")).append(" |\n");
    out.append("| 64-device stream, write and read, vs hand-written | ≤ 1.10× | ")
        .append(streamRatios("devices")).append(" |\n");
    out.append("| one chunk, encode and decode, vs hand-written | ≤ 1.10× | encode ")
        .append(ratios(enc("chunkstate"), enc("handWritten")))
        .append(", decode ")
        .append(ratios(dec("chunkstate"), dec("handWritten")))
        .append(" |\n");
    out.append("| vs protobuf-java, device encode and decode | ≥ 2× faster | encode ")
        .append(ratios(enc("protobuf"), enc("chunkstate")))
        .append(", decode ")
        .append(ratios(dec("protobuf"), dec("chunkstate")))
        .append(" faster; hand-written: encode ")
        .append(ratios(enc("protobuf"), enc("handWritten")))
        .append(", decode ")
        .append(ratios(dec("protobuf"), dec("handWritten")))
        .append(" faster |\n");
    out.append("| vs Kryo `CompatibleFieldSerializer` | ≥ 10× faster | encode ")
        .append(ratios(enc("kryoCompatible"), enc("chunkstate")))
        .append(", decode ")
        .append(ratios(dec("kryoCompatible"), dec("chunkstate")))
        .append(" faster; hand-written: encode ")
        .append(ratios(enc("kryoCompatible"), enc("handWritten")))
        .append(", decode ")
        .append(ratios(dec("kryoCompatible"), dec("handWritten")))
        .append(" faster |\n");
    Result floor = get("SnapshotBenchmark.floor");
    out.append("| 64 MiB snapshot write / read, share of the copy + CRC32 floor")
        .append(" | ≥ 90% / ≥ 95% | ")
        .append(percentOf(floor, get("SnapshotBenchmark.writeChunkstate"))).append(" / ")
        .append(percentOf(floor, get("SnapshotBenchmark.readChunkstate")))
        .append(", written `into` a byte array ")
        .append(percentOf(floor, get("SnapshotBenchmark.writeChunkstateIntoArray")))
        .append(" (hand-written ")
        .append(percentOf(floor, get("SnapshotBenchmark.writeHandWritten"))).append(" / ")
        .append(percentOf(floor, get("SnapshotBenchmark.readHandWritten"))).append(") |\n");
    out.append("| processor + javac vs protoc + javac, same 500 schemas | ≤ 0.5× | ")
        .append(ratio(get("CompileTimeBenchmark.javacWithProcessor:500"),
            get("CompileTimeBenchmark.protocAndJavac:500")))
        .append(" |\n");
    return out.toString();
  }

  /**
   * The targets judged on {@code PairedTargets}' medians: a row a pair, what it measures, its
   * target and whether the median meets it. A pair against hand-written code where the target is
   * against chunkstate is there for the format's own limit, with no target of its own.
   */
  public static String pairedTable(List<String[]> rows) {
    StringBuilder out =
        new StringBuilder(
            "| pair, timed in turns | target | median of the JVMs' medians (each JVM's) | |\n"
                + "|---|---|---|---|\n");
    Map<String, List<String[]>> byPair = new LinkedHashMap<>();
    for (String[] row : rows) {
      byPair.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<String[]>> entry : byPair.entrySet()) {
      String pair = entry.getKey();
      String[] row = entry.getValue().get(0);
      double[] medians =
          entry.getValue().stream().mapToDouble(r -> Double.parseDouble(r[5])).sorted().toArray();
      double ratio = medians[medians.length / 2];
      String way = pair.substring(0, pair.indexOf(':'));
      String what = pair.substring(pair.indexOf(':') + 1);
      String label;
      String target;
      boolean met;
      String value;
      boolean reference = what.endsWith("-hand-written");
      if (what.equals("one") || what.equals("devices") || what.equals("chunk")) {
        double limit = what.equals("one") ? 1.25 : 1.10;
        String scenario =
            what.equals("chunk")
                ? "one chunk, " + way
                : (what.equals("one") ? "one-device" : "64-device") + " stream, "
                    + way.replace('-', ' ');
        label = scenario + ", chunkstate vs hand-written";
        target = String.format(Locale.ROOT, "≤ %.2f×", limit);
        met = ratio <= limit;
        value = times(ratio, "×") + eachJvm(medians, r -> times(r, ""));
      } else if (what.startsWith("snapshot")) {
        double limit = way.equals("write") ? 90 : 95;
        label = "64 MiB snapshot " + way + ", " + snapshotSide(way, what)
            + ", share of the copy + CRC32 floor";
        target = String.format(Locale.ROOT, "≥ %.0f%%", limit);
        met = 100 * ratio >= limit;
        value = percent(ratio) + eachJvm(medians, ResultsReport::percent);
      } else {
        double limit = what.startsWith("protobuf") ? 2 : 10;
        label = "device " + way + ", " + row[2] + " vs "
            + (what.startsWith("protobuf") ? "protobuf-java" : "Kryo `CompatibleFieldSerializer`");
        target = String.format(Locale.ROOT, "≥ %.0f× faster", limit);
        met = ratio >= limit;
        value = times(ratio, "× as fast") + eachJvm(medians, r -> times(r, ""));
      }
      out.append("| ").append(label).append(" | ").append(reference ? "(" + target + ")" : target)
          .append(" | ").append(value).append(" | ")
          .append(met ? "met" : "**missed**").append(" |\n");
    }
    return out.toString();
  }

  /** Which writer or reader a snapshot pair times against the floor. */
  private static String snapshotSide(String way, String what) {
    return switch (what) {
      case "snapshot-hand-written" -> "hand-written";
      case "snapshot-into-array" -> "chunkstate, `StateWriter.into` a byte array";
      default -> way.equals("write")
          ? "chunkstate, `StateWriter.open` over an output stream"
          : "chunkstate";
    };
  }

  private static String times(double ratio, String unit) {
    return String.format(Locale.ROOT, "%.2f%s", ratio, unit);
  }

  /** Each JVM's median, as {@code format} writes it, in parentheses after a space. */
  private static String eachJvm(double[] medians, DoubleFunction<String> format) {
    return " (" + String.join(", ", Arrays.stream(medians).mapToObj(format).toList()) + ")";
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private String streamRatios(String stream) {
    StringBuilder out = new StringBuilder();
    for (String[] path : STREAM_PATHS) {
      out.append(out.length() == 0 ? "" : ", ")
          .append(path[0].replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT)).append(" ")
          .append(ratios(get("StreamBenchmark." + path[0] + "Chunkstate:" + stream),
              get("StreamBenchmark." + path[0] + "HandWritten:" + stream)));
    }
    return out.toString();
  }

  void plot(long streamBytes, Path png) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> encode = new ArrayList<>();
    List<Double> decode = new ArrayList<>();
    for (Map.Entry<String, String> codec : CODECS.entrySet()) {
      Result e = enc(lowerFirst(codec.getValue()));
      Result d = dec(lowerFirst(codec.getValue()));
      if (e != null && d != null) {
        labels.add(codec.getKey());
        encode.add(e.score());
        decode.add(d.score());
      }
    }
    CategoryChart device =
        new CategoryChartBuilder()
            .width(760)
            .height(460)
            .title("One device state, one chunk (ns/op, log scale, lower is better)")
            .yAxisTitle("ns/op")
            .build();
    style(device);
    device.getStyler().setYAxisLogarithmic(true);
    device.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    device.getStyler().setYAxisMin(10.0); // bars start at 0 unless told, and log(0) is undefined
    device.addSeries("encode", labels, encode);
    device.addSeries("decode", labels, decode);

    List<String> snapshotLabels = new ArrayList<>();
    List<Double> write = new ArrayList<>();
    List<Double> read = new ArrayList<>();
    snapshotLabels.add("copy + CRC32 floor");
    Result floor = get("SnapshotBenchmark.floor");
    write.add(gigabytesPerSecond(floor, streamBytes));
    read.add(gigabytesPerSecond(floor, streamBytes));
    for (Map.Entry<String, String> codec : CODECS.entrySet()) {
      Result w = get("SnapshotBenchmark.write" + codec.getValue());
      Result r = get("SnapshotBenchmark.read" + codec.getValue());
      if (w != null && r != null) {
        snapshotLabels.add(codec.getKey());
        write.add(gigabytesPerSecond(w, streamBytes));
        read.add(gigabytesPerSecond(r, streamBytes));
      }
    }
    CategoryChart snapshot =
        new CategoryChartBuilder()
            .width(760)
            .height(460)
            .title("64 devices + 64 MiB of pages (GB/s, higher is better)")
            .yAxisTitle("GB/s")
            .build();
    style(snapshot);
    snapshot.addSeries("write", snapshotLabels, write);
    snapshot.addSeries("read", snapshotLabels, read);

    BufferedImage left = BitmapEncoder.getBufferedImage(device);
    BufferedImage right = BitmapEncoder.getBufferedImage(snapshot);
    BufferedImage both =
        new BufferedImage(
            left.getWidth() + right.getWidth(),
            Math.max(left.getHeight(), right.getHeight()),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(left, 0, 0, null);
    g.drawImage(right, left.getWidth(), 0, null);
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(both, "png", png.toFile());
  }

  private static void style(CategoryChart chart) {
    CategoryStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setXAxisLabelRotation(20);
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static double gigabytesPerSecond(Result r, long bytes) {
    if (r == null) {
      return Double.NaN;
    }
    return bytes / (r.score() * millisPerUnit(r.unit()) * 1e6);
  }

  private static double millisPerUnit(String unit) {
    switch (unit) {
      case "ms/op":
        return 1;
      case "s/op":
        return 1000;
      case "us/op":
        return 1e-3;
      case "ns/op":
        return 1e-6;
      default:
        throw new IllegalArgumentException("unexpected unit " + unit);
    }
  }

  private static String score(Result r) {
    if (r == null) {
      return "—";
    }
    String value = format(r.score());
    return Double.isNaN(r.error()) ? value : value + " ± " + format(r.error());
  }

  private static String bytes(Result r) {
    return r == null || Double.isNaN(r.bytesPerOp())
        ? "—"
        : String.format(Locale.ROOT, "%.0f", Math.abs(r.bytesPerOp()) < 0.5 ? 0 : r.bytesPerOp());
  }

  private static String ratio(Result r, Result base) {
    return r == null || base == null
        ? "—"
        : String.format(Locale.ROOT, "%.2f×", r.score() / base.score());
  }

  /** The ratio of the means, and in parentheses the ratio of the best iterations. */
  private static String ratios(Result r, Result base) {
    return r == null || base == null
        ? "—"
        : String.format(
            Locale.ROOT, "%.2f× (%.2f×)", r.score() / base.score(), r.best() / base.best());
  }

  private static String gbps(Result r, long bytes) {
    return r == null ? "—" : String.format(Locale.ROOT, "%.2f", gigabytesPerSecond(r, bytes));
  }

  private static String percentOf(Result floor, Result r) {
    return r == null || floor == null
        ? "—"
        : String.format(Locale.ROOT, "%.0f%%", 100 * floor.score() / r.score());
  }

  private static String format(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

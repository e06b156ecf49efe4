package io.chunkstate.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 5: what the annotation processor adds to a build. javac, through {@code javax.tools}
 * in this JVM, compiles {@link #sources} generated {@code @Chunk} records (fifteen fields each:
 * primitives, boxed, string, arrays, a list, an enum, and the previous record as a sub-chunk),
 * once with annotation processing off and once with {@code ChunkProcessor} on the processor path,
 * which then also generates and compiles a codec per record. Each shot is one whole compilation;
 * the warm-up shots warm javac's code the way a build daemon or an IDE would.
 *
 * <p>{@link #javacWithGeneratedCodecs} splits the processor's cost in two: it compiles the records
 * and the codecs the processor generated for them, with {@code -proc:none}. What it adds to
 * {@link #javac} is compiling the generated code; what {@link #javacWithProcessor} adds to it is
 * the processor's own work and the processing round that the generated sources start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class CompileTimeBenchmark {
  private static final String PACKAGE = "io.chunkstate.benchmarks.compiled";

  /** How many {@code @Chunk} sources one compilation holds. */
  @Param("500")
  public int sources;

  private List<JavaFileObject> units;
  private List<JavaFileObject> unitsAndCodecs;
  private Path out;
  private Path protos;
  private Path protoc;

  /** Generates the records, in memory, and the codecs for them with the processor. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    units = new ArrayList<>();
    units.add(source("Level", "package " + PACKAGE + ";\n\npublic enum Level { LOW, HIGH }\n"));
    for (int i = 0; i < sources; i++) {
      units.add(source(name(i), chunkSource(i)));
    }
    generateCodecs();
    writeProtos();
  }

  /**
   * Writes the same records as {@code .proto} files, one per record, and finds {@code protoc}: the
   * one the build fetched as a Maven artifact, of the version of the protobuf-java it uses.
   */
  private void writeProtos() throws IOException {
    protos = Files.createTempDirectory("chunkstate-protos");
    Files.writeString(protos.resolve("level.proto"), LEVEL_PROTO);
    for (int i = 0; i < sources; i++) {
      Files.writeString(protos.resolve(protoFile(i)), protoSource(i));
    }
    String version =
        com.google.protobuf.RuntimeVersion.MAJOR + "." + com.google.protobuf.RuntimeVersion.MINOR
            + "." + com.google.protobuf.RuntimeVersion.PATCH;
    Path artifact =
        Path.of(
            System.getProperty(
                "chunkstate.protoc",
                System.getProperty("user.home") + "/.m2/repository/com/google/protobuf/protoc/"
                    + version + "/protoc-" + version + "-linux-x86_64.exe"));
    protoc = protos.resolve("protoc");
    Files.copy(artifact, protoc);
    if (!protoc.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + protoc + " executable");
    }
    reportLines();
  }

  /**
   * Counts the lines of generated Java per field, chunkstate's and protoc's, into {@code
   * compile-lines.tsv} in the working directory.
   */
  private void reportLines() throws IOException {
    long codecLines = 0;
    for (JavaFileObject unit : unitsAndCodecs.subList(units.size(), unitsAndCodecs.size())) {
      codecLines += unit.getCharContent(true).toString().lines().count();
    }
    createOutput();
    long protoLines;
    try {
      protoLines = 0;
      for (Path p : runProtoc()) {
        protoLines += Files.readAllLines(p).size();
      }
    } finally {
      deleteOutput();
    }
    long fields = (long) sources * FIELDS - 1;
    Files.writeString(
        Path.of("compile-lines.tsv"),
        "chunkstate\t" + codecLines + "\t" + fields + "\nprotobuf\t" + protoLines + "\t" + fields
            + "\n");
  }

  /** Runs {@code protoc} over the {@code .proto} files; returns the Java files it wrote. */
  private List<Path> runProtoc() throws IOException {
    Path generated = Files.createDirectories(out.resolve("proto-java"));
    List<String> command = new ArrayList<>();
    command.add(protoc.toString());
    command.add("--proto_path=" + protos);
    command.add("--java_out=" + generated);
    try (Stream<Path> files = Files.list(protos)) {
      files
          .filter(p -> p.toString().endsWith(".proto"))
          .sorted()
          .forEach(p -> command.add(p.toString()));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException("protoc failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(generated)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Runs the processor once and keeps the records and the codecs it generates, in memory. */
  private void generateCodecs() throws IOException {
    out = Files.createTempDirectory("chunkstate-javac");
    try {
      compile(processorOptions());
      unitsAndCodecs = new ArrayList<>(units);
      try (Stream<Path> files = Files.walk(out.resolve("generated"))) {
        for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          String file = p.getFileName().toString();
          String simpleName = file.substring(0, file.length() - ".java".length());
          unitsAndCodecs.add(source(simpleName, Files.readString(p)));
        }
      }
    } finally {
      deleteOutput();
    }
    if (unitsAndCodecs.size() != units.size() + sources) {
      throw new IllegalStateException(
          "expected " + sources + " codecs, found " + (unitsAndCodecs.size() - units.size()));
    }
  }

  /** A fresh output folder for each compilation. */
  @Setup(Level.Invocation)
  public void createOutput() throws IOException {
    out = Files.createTempDirectory("chunkstate-javac");
  }

  /** Deletes the compilation's output. */
  @TearDown(Level.Invocation)
  public void deleteOutput() throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Deletes the {@code .proto} files and the copy of {@code protoc}. */
  @TearDown(Level.Trial)
  public void deleteProtos() throws IOException {
    try (Stream<Path> files = Files.walk(protos)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** javac alone: {@code -proc:none}. */
  @Benchmark
  public int javac() throws IOException {
    return compile(List.of("-proc:none"));
  }

  /**
   * javac alone, {@code -proc:none}, over the records and the codecs the processor generated for
   * them.
   */
  @Benchmark
  public int javacWithGeneratedCodecs() throws IOException {
    return compile(List.of("-proc:none"), unitsAndCodecs);
  }

  /**
   * The same 500 schemas as {@code .proto} files: {@code protoc} (a process of its own, as a
   * build runs it) writes their Java classes, and javac compiles them with protobuf-java on the
   * class path. Its Java is some twenty times the codecs' and takes minutes to compile, so it
   * gets one warm-up and two measured shots.
   */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int protocAndJavac() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> generated = runProtoc();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(out.resolve("classes"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      List<String> args =
          List.of(
              "-proc:none", "--release", "17", "-classpath", System.getProperty("java.class.path"));
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(generated);
      boolean ok = javac.getTask(null, files, diagnostics, args, null, units).call();
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
    }
    try (Stream<Path> written = Files.walk(out)) {
      return (int) written.filter(Files::isRegularFile).count();
    }
  }

  /** javac with the chunkstate processor, which generates and compiles one codec per record. */
  @Benchmark
  public int javacWithProcessor() throws IOException {
    return compile(processorOptions());
  }

  private static List<String> processorOptions() {
    return List.of(
        "-processor", "io.chunkstate.processor.ChunkProcessor",
        "-processorpath", System.getProperty("java.class.path"));
  }

  /** Compiles the records with {@code options}; returns the number of files written. */
  int compile(List<String> options) throws IOException {
    return compile(options, units);
  }

  /** Compiles {@code sources} with {@code options}; returns the number of files written. */
  private int compile(List<String> options, List<JavaFileObject> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path generated = Files.createDirectories(out.resolve("generated"));
      Path classes = Files.createDirectories(out.resolve("classes"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<String> args = new ArrayList<>(options);
      args.addAll(
          List.of("--release", "17", "-classpath", System.getProperty("java.class.path")));
      boolean ok = javac.getTask(null, files, diagnostics, args, null, sources).call();
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
      }
    }
    try (Stream<Path> written = Files.walk(out)) {
      return (int) written.filter(Files::isRegularFile).count();
    }
  }

  /** The name of record {@code i}. */
  static String name(int i) {
    return String.format(Locale.ROOT, "State%03d", i);
  }

  /** A distinct private, critical type code for record {@code i}: {@code Aa} + two letters. */
  static String code(int i) {
    return new String(
        new char[] {
          (char) ('A' + i % 26), (char) ('a' + (i / 26) % 26), (char) ('A' + (i / 676) % 26), 'S'
        });
  }

  /** The source of record {@code i}. */
  static String chunkSource(int i) {
    String previous = i == 0 ? "" : ",\n    " + name(i - 1) + " previous";
    return "package " + PACKAGE + ";\n\n"
        + "import io.chunkstate.annotation.Chunk;\n"
        + "import java.util.List;\n\n"
        + "@Chunk(\"" + code(i) + "\")\n"
        + "public record " + name(i) + "(\n"
        + "    int id,\n"
        + "    long counter,\n"
        + "    boolean enabled,\n"
        + "    short flags,\n"
        + "    char tag,\n"
        + "    byte kind,\n"
        + "    float ratio,\n"
        + "    double weight,\n"
        + "    String name,\n"
        + "    byte[] buffer,\n"
        + "    int[] registers,\n"
        + "    List<String> labels,\n"
        + "    Integer limit,\n"
        + "    Level level" + previous + ") {}\n";
  }

  // Fields of a record: fifteen, the first record's fourteen (it has no previous).
  private static final int FIELDS = 15;

  private static final String LEVEL_PROTO =
      "syntax = \"proto3\";\npackage compiled;\noption java_package = \"" + PACKAGE
          + ".proto\";\noption java_multiple_files = true;\n\nenum Level { LOW = 0; HIGH = 1; }\n";

  private static String protoFile(int i) {
    return name(i).toLowerCase(Locale.ROOT) + ".proto";
  }

  /** Record {@code i} as a protobuf message with the same fields, in a file of its own. */
  static String protoSource(int i) {
    String previous =
        i == 0 ? "" : "  " + name(i - 1) + " previous = 15;\n";
    String imports =
        "import \"level.proto\";\n" + (i == 0 ? "" : "import \"" + protoFile(i - 1) + "\";\n");
    return "syntax = \"proto3\";\npackage compiled;\noption java_package = \"" + PACKAGE
        + ".proto\";\noption java_multiple_files = true;\n" + imports + "\n"
        + "message " + name(i) + " {\n"
        + "  int32 id = 1;\n"
        + "  int64 counter = 2;\n"
        + "  bool enabled = 3;\n"
        + "  int32 flags = 4;\n"
        + "  uint32 tag = 5;\n"
        + "  int32 kind = 6;\n"
        + "  float ratio = 7;\n"
        + "  double weight = 8;\n"
        + "  string name = 9;\n"
        + "  bytes buffer = 10;\n"
        + "  repeated int32 registers = 11;\n"
        + "  repeated string labels = 12;\n"
        + "  optional int32 limit = 13;\n"
        + "  Level level = 14;\n"
        + previous
        + "}\n";
  }

  private static JavaFileObject source(String simpleName, String code) {
    URI uri = URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + simpleName + ".java");
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}

package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.chunkstate.processor.validation.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time gate (docs/COMPATIBILITY.md): a compilation with {@code
 * -Achunkstate.baseline} is held to the registry of the last release. Each case compiles a first
 * release, keeps its registry.json as the baseline, and compiles a second release against it.
 */
class CompatibilityGateTest {
  /** The messages of the gate, each tested here rather than in {@link DiagnosticsTest}. */
  static final Set<Message> MESSAGES =
      EnumSet.of(
          Message.COMPAT_BREAKING,
          Message.COMPAT_NOTE,
          Message.COMPAT_BASELINE,
          Message.COMPAT_OPTION);

  private static final String SAMPLES = "../samples/src/main/java/io/chunkstate/samples/machine";
  private static final String SAMPLES_BASELINE =
      "../samples/src/main/chunkstate/baseline/registry.json";

  @TempDir Path directory;

  /** The clock of the first release: three inline fields, an enum, no sub-chunk. */
  private static JavaFileObject clock(String... components) {
    List<String> lines = new ArrayList<>();
    lines.add("package gate;");
    lines.add("import io.chunkstate.annotation.Chunk;");
    lines.add("@Chunk(\"RtCl\")");
    lines.add("public record Clock(");
    lines.addAll(Arrays.asList(components));
    lines.add(") {}");
    return JavaFileObjects.forSourceLines("gate.Clock", lines);
  }

  private static final String[] FIRST = {"    int seconds,", "    int minutes,", "    Mode mode"};

  private static JavaFileObject mode(String constants) {
    return JavaFileObjects.forSourceLines(
        "gate.Mode", "package gate;", "public enum Mode { " + constants + " }");
  }

  private static final JavaFileObject ALARM =
      JavaFileObjects.forSourceLines(
          "gate.Alarm",
          "package gate;",
          "import io.chunkstate.annotation.Chunk;",
          "@Chunk(\"alRm\")",
          "public record Alarm(int at) {}");

  /** The baseline: the registry.json of the first release. */
  private Path baseline() {
    return baselineOf(List.of(clock(FIRST), mode("BINARY, BCD"), ALARM));
  }

  private Path baselineOf(List<JavaFileObject> sources) {
    Compilation first = Compilations.compile(sources);
    assertThat(first).succeededWithoutWarnings();
    try {
      Path file = directory.resolve("registry.json");
      Files.writeString(
          file,
          first
              .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/chunkstate/registry.json")
              .orElseThrow()
              .getCharContent(false),
          StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Compilation gated(Path baseline, List<JavaFileObject> sources, String... more) {
    List<String> options = new ArrayList<>();
    options.add("-Achunkstate.baseline=" + baseline);
    options.addAll(Arrays.asList(more));
    return Compilations.compile(sources, options.toArray(new String[0]));
  }

  @Test
  void aChangedFieldTypeIsAnErrorOnTheFieldWithTheRuleAndTheFix() {
    JavaFileObject clock = clock("    long seconds,", "    int minutes,", "    Mode mode");
    Compilation compilation = gated(baseline(), List.of(clock, mode("BINARY, BCD"), ALARM));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-breaking] field 'seconds' of RtCl breaks rule inline-field-retyped"
                + " against the baseline: inline field 'seconds' was int and is now long; fix:"
                + " leave the inline layout as it was and put new state in a new sub-chunk")
        .inFile(clock)
        .onLineContaining("long seconds");
  }

  @Test
  void twoInlineFieldsSwappedAreAnErrorOnEach() {
    JavaFileObject clock = clock("    int minutes,", "    int seconds,", "    Mode mode");
    Compilation compilation = gated(baseline(), List.of(clock, mode("BINARY, BCD"), ALARM));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[chunk.compat-breaking] field 'seconds' of RtCl breaks rule"
            + " inline-field-moved")
        .inFile(clock)
        .onLineContaining("int seconds");
    assertThat(compilation)
        .hadErrorContaining("[chunk.compat-breaking] field 'minutes' of RtCl breaks rule"
            + " inline-field-moved")
        .inFile(clock)
        .onLineContaining("int minutes");
  }

  @Test
  void aNewAncillarySubChunkPasses() {
    JavaFileObject clock =
        clock("    int seconds,", "    int minutes,", "    Mode mode,", "    Alarm alarm");
    Compilation compilation =
        gated(baseline(), List.of(clock, mode("BINARY, BCD, HOLD"), ALARM));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aRemovedEnumConstantIsAnErrorOnTheField() {
    Compilation compilation =
        gated(baseline(), List.of(clock(FIRST), mode("BINARY"), ALARM));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-breaking] field 'mode' of RtCl breaks rule enum-constant-removed"
                + " against the baseline: gate.Mode.BCD is gone")
        .inFile(clock(FIRST))
        .onLineContaining("Mode mode");
    assertThat(compilation).hadErrorContaining("fix: keep the constant");
  }

  @Test
  void aTypeMovedToAnotherCodeIsAnErrorOnTheCode() throws IOException {
    JavaFileObject clock =
        JavaFileObjects.forSourceString(
            "gate.Clock",
            clock(FIRST).getCharContent(false).toString().replace("\"RtCl\"", "\"RtCk\""));
    Compilation compilation = gated(baseline(), List.of(clock, mode("BINARY, BCD"), ALARM));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-breaking] type RtCl breaks rule type-moved against the baseline:"
                + " gate.Clock moved from RtCl to RtCk")
        .inFile(clock)
        .onLineContaining("@Chunk(\"RtCk\")");
  }

  @Test
  void aRenameInPlaceIsAWarningUnlessNotesAreSilent() {
    JavaFileObject clock = clock("    int secs,", "    int minutes,", "    Mode mode");
    List<JavaFileObject> sources = List.of(clock, mode("BINARY, BCD"), ALARM);
    Path baseline = baseline();

    Compilation warned = gated(baseline, sources);
    assertThat(warned).succeeded();
    assertThat(warned).hadWarningCount(1);
    assertThat(warned)
        .hadWarningContaining(
            "[chunk.compat-note] field 'secs' of RtCl differs from the baseline by rule"
                + " inline-field-renamed, which breaks no reader: inline field 1 was 'seconds'"
                + " and is now 'secs'")
        .inFile(clock)
        .onLineContaining("int secs");

    assertThat(gated(baseline, sources, "-Achunkstate.baseline.notes=silent"))
        .succeededWithoutWarnings();
  }

  @Test
  void aRemovedAncillaryTypeIsAWarningOnTheCompilation() {
    Compilation compilation = gated(baseline(), List.of(clock(FIRST), mode("BINARY, BCD")));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[chunk.compat-note] type alRm differs from the baseline by rule type-unknown");
  }

  @Test
  void withoutTheOptionNothingIsCompared() {
    JavaFileObject clock = clock("    long seconds,", "    int minutes,", "    Mode mode");

    assertThat(Compilations.compile(List.of(clock, mode("BINARY"))))
        .succeededWithoutWarnings();
  }

  @Test
  void aMissingBaselineIsAnErrorNamingIt() {
    Path missing = directory.resolve("no/registry.json");
    Compilation compilation =
        gated(missing, List.of(clock(FIRST), mode("BINARY, BCD"), ALARM));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-baseline] the baseline " + missing + " (option chunkstate.baseline)"
                + " cannot be read: there is no such file");
  }

  @Test
  void aBaselineOfAnotherFormatIsAnErrorNamingTheFormat() throws IOException {
    Path old = directory.resolve("old.json");
    Files.writeString(old, "{\"format\": 1, \"chunks\": []}");
    Compilation compilation = gated(old, List.of(clock(FIRST), mode("BINARY, BCD"), ALARM));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[chunk.compat-baseline] the baseline " + old);
    assertThat(compilation).hadErrorContaining("format 1");
  }

  @Test
  void aNotesOptionOfAnotherValueIsAnError() {
    Compilation compilation =
        gated(
            baseline(),
            List.of(clock(FIRST), mode("BINARY, BCD"), ALARM),
            "-Achunkstate.baseline.notes=quiet");

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-option] option chunkstate.baseline.notes is 'quiet', but takes"
                + " 'warning' or 'silent'");
  }

  @Test
  void theSamplesPassTheirCommittedBaseline() {
    assertThat(gated(Path.of(SAMPLES_BASELINE), samples(text -> text)))
        .succeededWithoutWarnings();
  }

  @Test
  void aSampleWithANewAncillarySubChunkPassesTheSamplesBaseline() {
    List<JavaFileObject> sources =
        samples(
            text -> {
              String changed =
                  text.replace("  int selected;", "  int selected;\n\n  RngSeed entropy;");
              assertThat(changed).contains("RngSeed entropy;");
              return changed;
            });

    assertThat(gated(Path.of(SAMPLES_BASELINE), sources)).succeededWithoutWarnings();
  }

  @Test
  void aSampleFieldOfAnotherTypeFailsAgainstTheSamplesBaseline() {
    List<JavaFileObject> sources =
        samples(
            text -> {
              String changed =
                  text.replace("  int selected;", "  long selected;")
                      .replace("public int selected()", "public long selected()")
                      .replace("* 31 + selected;", "* 31 + (int) selected;");
              assertThat(changed).contains("long selected;");
              return changed;
            });
    Compilation compilation = gated(Path.of(SAMPLES_BASELINE), sources);

    JavaFileObject rtc =
        sources.stream()
            .filter(s -> s.getName().endsWith("CmosRtc.java"))
            .findFirst()
            .orElseThrow();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.compat-breaking] field 'selected' of RtCc breaks rule inline-field-retyped"
                + " against the baseline: inline field 'selected' was int and is now long; fix:"
                + " leave the inline layout as it was and put new state in a new sub-chunk")
        .inFile(rtc)
        .onLineContaining("long selected;");
  }

  @Test
  void everyMessageOfTheGateIsTestedHere() {
    assertEquals(
        MESSAGES,
        Arrays.stream(Message.values())
            .filter(m -> m.rule() == 23)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Message.class))));
  }

  /**
   * The samples' device sources, the clock's ({@code CmosRtc}) changed by {@code clock}: a copy,
   * so that the real samples stay as they are.
   */
  private static List<JavaFileObject> samples(UnaryOperator<String> clock) {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(SAMPLES))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.equals("CmosRtc.java")) {
          text = clock.apply(text);
        }
        String binaryName =
            "io.chunkstate.samples.machine." + name.substring(0, name.length() - 5);
        sources.add(JavaFileObjects.forSourceString(binaryName, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }
}

package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The codecs, services file and registry generated for the representative schema under {@code
 * schema/} equal the files under {@code expected/}, byte for byte.
 *
 * <p>After an intended change to the generated code, rewrite the expected files with
 *
 * <pre>
 * mvn -B -pl processor -am verify -Dchunkstate.updateGolden=true
 * </pre>
 *
 * and review the difference with {@code git diff processor/src/test/resources/expected}.
 */
class GoldenTest {
  private static final String UPDATE = "chunkstate.updateGolden";
  private static final Path EXPECTED = Paths.get("src/test/resources/expected");
  private static final String SERVICES = "META-INF/services/io.chunkstate.ChunkCodec";
  private static final String REGISTRY = "META-INF/chunkstate/registry.json";

  @Test
  void generatedFilesEqualTheGoldenFiles() throws IOException {
    Map<String, String> generated = generated(Compilations.sources("schema"));
    if (Boolean.getBoolean(UPDATE)) {
      rewrite(generated);
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(EXPECTED)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        expected.put(
            EXPECTED.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertEquals(expected.keySet(), generated.keySet(), "the set of generated files");
    for (String name : expected.keySet()) {
      assertEquals(
          expected.get(name),
          generated.get(name),
          name + " differs from its golden file; if the change is intended, rerun with -D"
              + UPDATE + "=true");
    }
  }

  @Test
  void theSchemaAndItsCodecsCompileWithoutWarningsUnderEveryLintButProcessing() {
    Compilation compilation =
        Compilations.compile(Compilations.sources("schema"), "-Xlint:all,-processing", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * Why {@code -processing}: the processor claims no annotation, so that other processors see
   * them too, and javac's processing lint warns about every annotation that no processor claims.
   * That warning, once per round (the second round's is for {@code @Generated} on the codecs), is
   * the only one of {@code -Xlint:all}: none comes from the generated code.
   */
  @Test
  void theOnlyWarningOfXlintAllIsTheProcessingLintOnAnnotationsNoProcessorClaims() {
    Compilation compilation = Compilations.compile(Compilations.sources("schema"), "-Xlint:all");
    assertThat(compilation).succeeded();
    List<String> warnings = new ArrayList<>();
    for (var warning : compilation.warnings()) {
      warnings.add(warning.getMessage(java.util.Locale.ROOT));
    }
    assertThat(warnings).isNotEmpty();
    for (String warning : warnings) {
      assertThat(warning).startsWith("No processor claimed any of these annotations");
    }
    assertThat(warnings.get(0)).contains("io.chunkstate.annotation.Chunk");

    Compilation strict =
        Compilations.compile(Compilations.sources("schema"), "-Xlint:all", "-Werror");
    assertThat(strict).failed();
    assertThat(strict).hadErrorContaining("warnings found and -Werror specified");
  }

  @Test
  void outputIsTheSameWhateverTheOrderOfTheSources() {
    List<JavaFileObject> sources = new ArrayList<>(Compilations.sources("schema"));
    Map<String, String> first = generated(sources);
    Collections.reverse(sources);
    assertEquals(first, generated(sources));
  }

  @Test
  void leavesOutGeneratedWhenAskedTo() {
    Compilation compilation =
        Compilations.compile(
            Compilations.sources("schema"), "-Achunkstate.generatedAnnotation=false");
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      assertThat(read(file)).doesNotContain("@Generated");
    }
  }

  /** Every generated file, by its path relative to its output folder. */
  private static Map<String, String> generated(List<JavaFileObject> sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      out.put(file.getName().replaceFirst("^/SOURCE_OUTPUT/", ""), read(file));
    }
    for (String resource : List.of(SERVICES, REGISTRY)) {
      JavaFileObject file =
          compilation
              .generatedFile(StandardLocation.CLASS_OUTPUT, resource)
              .orElseThrow(() -> new AssertionError("no " + resource));
      out.put(resource, read(file));
    }
    return out;
  }

  static String read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rewrite(Map<String, String> generated) throws IOException {
    if (Files.exists(EXPECTED)) {
      try (Stream<Path> files = Files.walk(EXPECTED)) {
        for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = EXPECTED.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}

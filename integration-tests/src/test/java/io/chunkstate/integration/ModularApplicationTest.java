package io.chunkstate.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.annotation.Chunk;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application, as a user on the module path builds one: a {@code module-info} that
 * requires the runtime and provides its codec, compiled with the processor against the packaged
 * runtime and annotations, and run with {@code java --module-path}.
 */
class ModularApplicationTest {
  /** Where the classes of {@code type} come from: the runtime's or the annotations' jar. */
  private static Path home(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> sources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
  }

  /** This test's class path, which holds the processor and its dependencies, less what is absent. */
  private static String processorPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Files.exists(Paths.get(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Path applicationSources() throws URISyntaxException {
    return Paths.get(ModularApplicationTest.class.getResource("/modular-app").toURI());
  }

  /**
   * Compiles the application under {@code sources} into {@code classes} as a build tool does on
   * the module path; returns javac's exit code and its diagnostics.
   */
  private static Compiled compile(Path sources, Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "--module-path", home(ChunkRegistry.class) + File.pathSeparator + home(Chunk.class),
        // The processor and its dependencies, as a build tool puts them on the processor path.
        "--processor-path", processorPath(),
        "--class-path", "", // not this test's class path: the application is modular
        "-Xlint:all,-processing", "-Werror"));
    arguments.addAll(sources(sources));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int code = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    return new Compiled(code, diagnostics.toString(StandardCharsets.UTF_8));
  }

  private record Compiled(int exitCode, String diagnostics) {}

  @Test
  void aModularApplicationWritesAndReadsAStream(@TempDir Path dir) throws Exception {
    Path runtime = home(ChunkRegistry.class);
    Path classes = dir.resolve("classes");

    Compiled compiled = compile(applicationSources(), classes);
    assertEquals(0, compiled.exitCode(), compiled.diagnostics());
    assertTrue(
        Files.exists(classes.resolve("app/UartStateChunkCodec.class")),
        "the processor generated the codec");

    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    // The annotations are not needed at run time: the application requires them statically.
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--module-path", classes + File.pathSeparator + runtime,
                "-m", "app/app.Main")
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application ends");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertEquals(
        List.of(
            "codecs ChunkRegistry[UaRt]",
            "restored divisor=12 lineControl=3 fifo=[1, 2]",
            "module io.chunkstate.runtime exports [io.chunkstate, io.chunkstate.framing,"
                + " io.chunkstate.migration, io.chunkstate.schema, io.chunkstate.wire]"),
        output.lines().toList());
  }

  @Test
  void aModuleWithoutTheProvidesClauseDoesNotCompileAndIsToldTheClause(@TempDir Path dir)
      throws Exception {
    Path sources = dir.resolve("src");
    try (Stream<Path> files = Files.walk(applicationSources())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = sources.resolve(applicationSources().relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    Path moduleInfo = sources.resolve("module-info.java");
    Files.writeString(
        moduleInfo,
        String.join(
            "\n",
            "module app {",
            "  requires static io.chunkstate.annotations;",
            "  requires io.chunkstate.runtime;",
            "}",
            ""));

    Compiled compiled = compile(sources, dir.resolve("classes"));

    assertEquals(1, compiled.exitCode(), compiled.diagnostics());
    assertTrue(
        compiled
            .diagnostics()
            .startsWith(
                moduleInfo
                    + ":1: error: [chunk.module-provides] module app has no 'provides"
                    + " io.chunkstate.ChunkCodec' clause, so ChunkRegistry.load() finds none of the"
                    + " 1 codec this compilation generates for it; on the module path ServiceLoader"
                    + " sees only the codecs a module provides; add: provides"
                    + " io.chunkstate.ChunkCodec with app.UartStateChunkCodec;"),
        compiled.diagnostics());
    assertTrue(
        compiled.diagnostics().endsWith("1 error" + System.lineSeparator()),
        compiled.diagnostics());
  }
}

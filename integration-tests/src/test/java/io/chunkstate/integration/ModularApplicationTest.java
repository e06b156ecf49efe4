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

  @Test
  void aModularApplicationWritesAndReadsAStream(@TempDir Path dir) throws Exception {
    Path runtime = home(ChunkRegistry.class);
    Path annotations = home(Chunk.class);
    Path sources = Paths.get(ModularApplicationTest.class.getResource("/modular-app").toURI());
    Path classes = dir.resolve("classes");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "--module-path", runtime + File.pathSeparator + annotations,
        // The processor and its dependencies, as a build tool puts them on the processor path.
        "--processor-path", processorPath(),
        "--class-path", "", // not this test's class path: the application is modular
        "-Xlint:all,-processing", "-Werror"));
    arguments.addAll(sources(sources));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int compiled =
        javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));
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
                + " io.chunkstate.schema, io.chunkstate.wire]"),
        output.lines().toList());
  }
}

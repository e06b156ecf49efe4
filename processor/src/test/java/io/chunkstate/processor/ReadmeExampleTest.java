package io.chunkstate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example is correct as written: its Java block, compiled with the processor and run,
 * writes a stream and reads the state back.
 */
class ReadmeExampleTest {
  private static final Path README = Paths.get("..", "README.md");

  /** The lines of the first {@code ```java} block after the heading "## Example". */
  private static List<String> example() throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int heading = lines.indexOf("## Example");
    assertTrue(heading >= 0, "README.md has an '## Example' heading");
    int start = lines.subList(heading, lines.size()).indexOf("```java") + heading + 1;
    int end = lines.subList(start, lines.size()).indexOf("```") + start;
    return lines.subList(start, end);
  }

  /** The classes and resources the compilation wrote, in {@code dir}, as a class path. */
  private static URLClassLoader classPath(GeneratedCodecs compiled, Path dir) throws IOException {
    for (JavaFileObject file : compiled.compilation().generatedFiles()) {
      String path = file.toUri().getPath();
      String marker = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      if (!path.contains(marker)) {
        continue; // a generated source
      }
      Path target = dir.resolve(path.substring(path.indexOf(marker) + marker.length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeExampleTest.class.getClassLoader());
  }

  @Test
  void theReadmeExampleCompilesAndRestoresWhatItWrote(@TempDir Path dir) throws Exception {
    List<String> declarations = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    for (String line : example()) {
      (line.startsWith("@Chunk(") ? declarations : statements).add(line);
    }
    assertEquals(1, declarations.size(), "one @Chunk declaration: " + declarations);
    String declaration = declarations.get(0);
    String stateClass = declaration.replaceAll(".* record (\\w+)\\(.*", "$1");

    List<String> example = new ArrayList<>(List.of(
        "package readme;",
        "import io.chunkstate.*;",
        "import java.io.*;",
        "public final class Example {",
        "  public static Object run() throws IOException {",
        "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
        "    InputStream in = new InputStream() {", // the bytes written, once they are asked for
        "      private InputStream written;",
        "      @Override public int read() throws IOException {",
        "        if (written == null) {",
        "          written = new ByteArrayInputStream(out.toByteArray());",
        "        }",
        "        return written.read();",
        "      }",
        "    };"));
    example.addAll(statements);
    example.addAll(List.of("    return uart;", "  }", "}"));

    GeneratedCodecs compiled =
        GeneratedCodecs.compile(
            List.of(
                GeneratedCodecs.source(
                    "readme." + stateClass,
                    "package readme;",
                    "import io.chunkstate.annotation.Chunk;",
                    declaration),
                GeneratedCodecs.source("readme.Example", example.toArray(String[]::new))));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    Object restored;
    try (URLClassLoader loader = classPath(compiled, dir)) {
      thread.setContextClassLoader(loader); // ChunkRegistry.load() looks there
      restored = Class.forName("readme.Example", true, loader).getMethod("run").invoke(null);
    } finally {
      thread.setContextClassLoader(previous);
    }
    assertEquals("readme." + stateClass, restored.getClass().getName());
    assertTrue(restored.toString().startsWith(stateClass + "[divisor=12, lineControl=3, fifo=[B"),
        restored.toString());
  }
}

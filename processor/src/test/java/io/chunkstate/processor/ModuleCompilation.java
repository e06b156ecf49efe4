package io.chunkstate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.annotation.Chunk;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One compilation of a named module from source files on disk, as a build tool runs it: the
 * annotations and the runtime on the module path, nothing on the class path, the processors given,
 * {@code -Xlint:all,-processing -Werror}. (compile-testing's in-memory files cannot hold a module.)
 */
final class ModuleCompilation {
  private final Path sources;
  private final Path classes;
  private final boolean success;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;

  private ModuleCompilation(
      Path sources,
      Path classes,
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    this.sources = sources;
    this.classes = classes;
    this.success = success;
    this.diagnostics = diagnostics;
  }

  /**
   * Writes {@code files} (path under the source folder to text) below {@code dir} and compiles
   * them with {@code processors}, the annotations and runtime on the module path, and after them
   * {@code modules}, each a folder of compiled modules or an exploded one.
   */
  static ModuleCompilation compile(
      Path dir, List<Processor> processors, Map<String, String> files, List<Path> modules) {
    try {
      Path sources = dir.resolve("src");
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<String> modulePath =
          new ArrayList<>(List.of(home(ChunkCodec.class).toString(), home(Chunk.class).toString()));
      modules.forEach(module -> modulePath.add(module.toString()));
      List<File> paths = new ArrayList<>();
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = sources.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        paths.add(path.toFile());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager manager =
          javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "-d", classes.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--class-path", "",
                "-Xlint:all,-processing",
                "-Werror");
        JavaCompiler.CompilationTask task =
            javac.getTask(
                null,
                manager,
                collector,
                options,
                null,
                manager.getJavaFileObjectsFromFiles(paths));
        task.setProcessors(processors);
        boolean success = task.call();
        return new ModuleCompilation(sources, classes, success, collector.getDiagnostics());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path home(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean succeeded() {
    return success;
  }

  List<Diagnostic<? extends JavaFileObject>> errors() {
    return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  /** The errors of the processor's catalog, {@code [chunk.…]}. */
  List<Diagnostic<? extends JavaFileObject>> chunkErrors() {
    return errors().stream().filter(d -> message(d).startsWith("[chunk.")).toList();
  }

  /** Whether the compiled classes hold {@code binaryName}. */
  boolean compiled(String binaryName) {
    return Files.exists(classes.resolve(binaryName.replace('.', '/') + ".class"));
  }

  /**
   * Asserts that exactly one error contains {@code text}, in the source {@code file}, on a line
   * that contains {@code line}.
   */
  void assertError(String text, String file, String line) {
    List<Diagnostic<? extends JavaFileObject>> matching =
        errors().stream().filter(d -> message(d).contains(text)).toList();
    assertEquals(1, matching.size(), "one error containing " + text + " in " + this);
    Diagnostic<? extends JavaFileObject> error = matching.get(0);
    assertTrue(error.getSource() != null, "the error has a source: " + this);
    Path source = Paths.get(error.getSource().toUri());
    assertEquals(sources.resolve(file), source, "the file of " + message(error));
    try {
      String onLine = Files.readAllLines(source).get((int) error.getLineNumber() - 1);
      assertTrue(onLine.contains(line), "line " + onLine + " contains " + line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }

  @Override
  public String toString() {
    return diagnostics.stream()
        .map(d -> d.getKind() + ": " + message(d))
        .collect(Collectors.joining("\n", "diagnostics:\n", ""));
  }
}

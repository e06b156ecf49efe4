package io.chunkstate.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles test sources from {@code src/test/resources} with the processor. */
final class Compilations {
  private Compilations() {}

  /** The source files under {@code resources/<folder>}, sorted by path. */
  static List<JavaFileObject> sources(String folder) {
    Path root = resource(folder);
    List<JavaFileObject> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files.add(JavaFileObjects.forResource(path.toUri().toURL()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** One source file, {@code resources/<path>}. */
  static JavaFileObject source(String path) {
    return JavaFileObjects.forResource(path);
  }

  static Compilation compile(List<JavaFileObject> sources, String... options) {
    return javac().withProcessors(new ChunkProcessor()).withOptions((Object[]) options).compile(sources);
  }

  static Path resource(String path) {
    URL url = Compilations.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + path);
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

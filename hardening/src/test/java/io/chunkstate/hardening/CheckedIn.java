package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generated files that are checked into {@code src/test/resources} (the seed corpus, the
 * corruption corpus): a test compares them with what the generator makes now, and rewrites them
 * instead when run with {@code -Dchunkstate.regenerate=true}.
 */
final class CheckedIn {
  static final String REGENERATE_COMMAND =
      "mvn -B -pl hardening -am verify -Dchunkstate.regenerate=true"
          + " -Dtest='SeedCorpusTest,CorpusTest' -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dfuzz.skip";

  private CheckedIn() {}

  /** The module's test resources: surefire runs with the module as its working directory. */
  static Path resources() {
    return Paths.get("src", "test", "resources");
  }

  static boolean regenerating() {
    return Boolean.getBoolean("chunkstate.regenerate");
  }

  /**
   * Checks (or, when regenerating, writes) the files in {@code dir} whose names start with {@code
   * prefix}: exactly {@code expected}, byte for byte. Other files in {@code dir} are left alone.
   */
  static void checkFiles(Path dir, String prefix, Map<String, byte[]> expected) throws IOException {
    if (regenerating()) {
      Files.createDirectories(dir);
      for (Path stale : list(dir, prefix)) {
        Files.delete(dir.resolve(stale));
      }
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
      return;
    }
    assertEquals(
        new TreeSet<>(expected.keySet()),
        new TreeSet<>(list(dir, prefix).stream().map(Path::toString).toList()),
        () -> "the checked-in files of " + dir + " are stale; regenerate with " + REGENERATE_COMMAND);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertTrue(
          Arrays.equals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey()))),
          () -> dir.resolve(e.getKey()) + " is stale; regenerate with " + REGENERATE_COMMAND);
    }
  }

  private static List<Path> list(Path dir, String prefix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(Path::getFileName)
          .filter(p -> p.toString().startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.chunkstate.hardening;

import io.chunkstate.testing.Hex;
import io.chunkstate.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fuzzers' seed corpus is every spec vector and every base stream of the corruption corpus,
 * as binary files where Jazzer looks for a fuzz test's inputs: {@code
 * <package>/<TestClass>Inputs/<method>/}. Findings saved to the same folders are left alone.
 */
class SeedCorpusTest {
  static final String PREFIX = "seed-";

  /** The seeds: every vector, and every stream the corruption corpus is made from. */
  static Map<String, byte[]> seeds() throws IOException {
    Map<String, byte[]> seeds = new TreeMap<>();
    try (Stream<Path> files = Files.list(SharedFiles.resolve("spec/vectors"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".hex")).sorted().toList()) {
        String name = file.getFileName().toString();
        seeds.put(PREFIX + name.substring(0, name.length() - 4), Hex.read(file));
      }
    }
    for (Map.Entry<String, byte[]> base : BaseStreams.all().entrySet()) {
      seeds.put(PREFIX + base.getKey(), base.getValue());
    }
    return seeds;
  }

  static Path inputs(Class<?> fuzzTest, String method) {
    return CheckedIn.resources()
        .resolve(fuzzTest.getPackageName().replace('.', '/'))
        .resolve(fuzzTest.getSimpleName() + "Inputs")
        .resolve(method);
  }

  @Test
  void chunkInputSeedsAreUpToDate() throws IOException {
    CheckedIn.checkFiles(
        inputs(ChunkInputFuzzTest.class, "byteArrayAndOneByteStreamAgree"), PREFIX, seeds());
  }

  @Test
  void stateReaderSeedsAreUpToDate() throws IOException {
    CheckedIn.checkFiles(
        inputs(StateReaderFuzzTest.class, "readsCompletelyOrFailsPrecisely"), PREFIX, seeds());
  }
}

package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.States;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the corruption corpus ({@code src/test/resources/corpus/}) gives the outcome its
 * row of {@code index.tsv} states, from a byte array and from a stream that delivers one byte per
 * read, and the two agree. Whatever the row says, the only outcomes are a snapshot or a {@code
 * ChunkStreamException}.
 *
 * <p>The corpus is data: the index and the stored cases are checked in and reviewed. The tests
 * below also check that {@link Corpus} and {@link BaseStreams} still make exactly that data;
 * regenerate with the command in {@link CheckedIn#REGENERATE_COMMAND}.
 */
class CorpusTest {
  private static final Path DIR = CheckedIn.resources().resolve("corpus");
  private static final ChunkRegistry REGISTRY = BaseStreams.REGISTRY;

  /** One row of index.tsv. */
  record Row(String name, String mutation, String expect, String offset) {
    String base() {
      return name.substring(0, name.indexOf('/'));
    }
  }

  static List<Row> index() throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(DIR.resolve("index.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      rows.add(new Row(f[0], f[1], f[2], f[3]));
    }
    return rows;
  }

  private static final String HEADER = "case\tmutation\texpect\toffset";

  /** Every case the generator makes from the base streams, by base name. */
  private static Map<String, List<Corpus.Case>> generated() {
    Map<String, List<Corpus.Case>> cases = new LinkedHashMap<>();
    BaseStreams.all().forEach((name, bytes) -> cases.put(name, Corpus.of(name, bytes)));
    return cases;
  }

  private static byte[] base(String name) throws IOException {
    return Files.readAllBytes(DIR.resolve("base").resolve(name + ".bin"));
  }

  @Test
  void theBaseStreamsAreWhatTheWriterWrites() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    BaseStreams.all().forEach((name, bytes) -> files.put(name + ".bin", bytes));
    CheckedIn.checkFiles(DIR.resolve("base"), "", files);
  }

  @Test
  void theIndexAndStoredCasesAreWhatTheGeneratorMakes() throws IOException {
    StringBuilder index = new StringBuilder(HEADER).append('\n');
    for (Map.Entry<String, List<Corpus.Case>> base : generated().entrySet()) {
      Map<String, byte[]> stored = new TreeMap<>();
      for (Corpus.Case c : base.getValue()) {
        index.append(c.indexLine()).append('\n');
        if (c.stored()) {
          stored.put(c.name().substring(base.getKey().length() + 1) + ".bin", c.bytes());
        }
      }
      CheckedIn.checkFiles(DIR.resolve(base.getKey()), "", stored);
    }
    CheckedIn.checkFiles(
        DIR, "index.tsv", Map.of("index.tsv", index.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The bytes of a case: its stored file, or its mutation applied to the base stream. */
  private static byte[] bytes(Row row) throws IOException {
    Path file = DIR.resolve(row.name() + ".bin");
    if (Files.exists(file)) {
      return Files.readAllBytes(file);
    }
    byte[] base = base(row.base());
    String[] words = row.mutation().split(" ");
    switch (words[0]) {
      case "truncate":
        return java.util.Arrays.copyOf(base, Integer.parseInt(words[1]));
      case "flip":
        String[] at = words[1].split("\\.");
        byte[] flipped = base.clone();
        flipped[Integer.parseInt(at[0])] ^= (byte) (1 << Integer.parseInt(at[1]));
        return flipped;
      default:
        throw new AssertionError(row.name() + " has no file and no mutation to regenerate it");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseHasItsExpectedOutcome() throws IOException {
    List<Row> rows = index();
    assertTrue(rows.size() > 1000, "the corpus has " + rows.size() + " cases");
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(row)));
  }

  private static void check(Row row) throws Exception {
    byte[] bytes = bytes(row);
    Snapshot[] read = new Snapshot[2];
    Outcome fromArray =
        Outcome.of(() -> Outcome.describe(read[0] = StateReader.read(bytes, REGISTRY)));
    Outcome fromStream =
        Outcome.of(
            () ->
                Outcome.describe(
                    read[1] = StateReader.read(Sources.ONE_BYTE_AT_A_TIME.open(bytes), REGISTRY)));
    assertEquals(fromArray, fromStream, row.name() + ": the sources disagree");
    if (fromArray.ok()) {
      States.assertDeepEquals(read[0].states(), read[1].states());
    }
    String expect = row.expect();
    switch (expect) {
      case Corpus.ANY -> {
        // A snapshot or a ChunkStreamException: Outcome.of let nothing else through.
      }
      case Corpus.OK -> assertTrue(fromArray.ok(), row + " failed: " + fromArray);
      default -> {
        assertEquals(ChunkStreamException.Kind.valueOf(expect), fromArray.kind(), row::toString);
        if (!row.offset().isEmpty()) {
          assertEquals(Long.parseLong(row.offset()), fromArray.offset(), row::toString);
        }
      }
    }
  }
}

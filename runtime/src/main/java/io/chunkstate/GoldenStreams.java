package io.chunkstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden streams: one stream per release, kept in a project's test resources, that every later
 * build must still read. A test checks them all; when a release is cut, the same test records the
 * new release's stream beside them. Usable from any test framework: a failure is an {@link
 * AssertionError} that lists every stream that no longer reads, and why.
 *
 * <pre>{@code
 * @Test
 * void everyReleasedStreamStillReads() throws IOException {
 *   GoldenStreams golden = GoldenStreams.in(Path.of("src/test/resources/golden"), registry);
 *   String release = System.getProperty("golden.record");    // set when a release is cut
 *   if (release != null) {
 *     golden.record(release, "my-vmm " + release, writer -> machine.save(writer));
 *   }
 *   golden.verifyAll();
 * }
 * }</pre>
 *
 * <p>A stream is named {@code <release>.chk}, or {@code <release>-<what>.chk} for several per
 * release. Recording never overwrites a stream: what a release wrote is history.
 */
public final class GoldenStreams {
  /** The ending of a golden stream's file name. */
  public static final String SUFFIX = ".chk";

  private final Path directory;
  private final ChunkRegistry registry;
  private final ReadOptions options;

  private GoldenStreams(Path directory, ChunkRegistry registry, ReadOptions options) {
    this.directory = directory;
    this.registry = registry;
    this.options = options;
  }

  /** The golden streams in {@code directory}, read with {@code registry}'s codecs. */
  public static GoldenStreams in(Path directory, ChunkRegistry registry) {
    return new GoldenStreams(
        Objects.requireNonNull(directory, "directory"),
        Objects.requireNonNull(registry, "registry"),
        ReadOptions.defaults());
  }

  /** The same streams, read with these limits. */
  public GoldenStreams withOptions(ReadOptions readOptions) {
    return new GoldenStreams(directory, registry, Objects.requireNonNull(readOptions, "options"));
  }

  /**
   * Reads every golden stream, whole, and returns what each holds, by file name.
   *
   * @throws AssertionError if the directory holds no stream, or any stream no longer reads: the
   *     message names each such file with its error
   */
  public Map<String, Snapshot> verifyAll() {
    Map<String, Snapshot> read = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<Path> files = streams();
    if (files.isEmpty()) {
      throw new AssertionError("no golden stream (*" + SUFFIX + ") in " + directory);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        read.put(name, SnapshotFile.read(file, registry, options));
      } catch (IOException e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " of " + files.size() + " golden streams in " + directory
              + " no longer read:\n  " + String.join("\n  ", failures));
    }
    return read;
  }

  /**
   * Writes the golden stream of {@code release}, if there is none yet: {@code <release>.chk},
   * written by {@code contents} as a snapshot file (described, never half-written).
   *
   * @return the stream's file
   * @throws IllegalArgumentException if {@code release} is not a plain name ({@code 1.2.0})
   * @throws IOException if writing fails
   */
  public Path record(String release, String producer, SnapshotFile.Contents contents)
      throws IOException {
    if (!release.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "a release names a file: letters, digits, '.', '_' and '-', got '" + release + "'");
    }
    Path file = directory.resolve(release + SUFFIX);
    if (!Files.exists(file)) {
      Files.createDirectories(directory);
      SnapshotFile.write(file, producer, registry, contents);
    }
    return file;
  }

  private List<Path> streams() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

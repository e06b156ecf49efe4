package io.chunkstate.vectors;

import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.SkippedChunk;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.testing.Hex;
import io.chunkstate.testing.SharedFiles;
import io.chunkstate.testing.Sources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of shared/spec/vectors gives the outcome vectors.tsv states, from every kind of
 * source, and the writer reproduces the OK vectors byte for byte, less the skipped chunks. The
 * codecs are the generated ones, found by {@link ChunkRegistry#load()}.
 */
class VectorsTest {
  private static final Path DIR = SharedFiles.resolve("spec/vectors");
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  private static final Scalars SCALARS =
      new Scalars(true, (byte) -2, (short) -300, 'é', 16909060, -72623859790382856L, 1.5f, -2.25);
  private static final Parent PARENT =
      new Parent(42, new Point(3, -4), new Child(7), List.of(new Leaf(8), new Leaf(9)));

  /** What the OK vectors decode to, transcribed from the notes of vectors.tsv. */
  private static final Map<String, List<Object>> DECODED =
      Map.of(
          "v01-minimal", List.of(),
          "v02-scalars", List.of(SCALARS),
          "v03-references",
              List.of(
                  new References(
                      "héllo ☃",
                      null,
                      new byte[] {0x00, 0x01, (byte) 0xfe, (byte) 0xff},
                      new int[] {1, -1, 65536},
                      Arrays.asList("a", null, ""),
                      7,
                      null,
                      Mode.ON)),
          "v04-nested", List.of(PARENT),
          "v05-unknown-ancillary", List.of(SCALARS),
          "v07-unknown-ancillary-subchunk", List.of(PARENT));

  record Vector(String name, String expect, String offset, String path, String note) {
    byte[] bytes() throws IOException {
      return Hex.read(DIR.resolve(name + ".hex"));
    }
  }

  static List<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(DIR.resolve("vectors.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(new Vector(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : ""));
    }
    return out;
  }

  @Test
  void everyVectorFileIsListedAndEveryListedVectorExists() throws IOException {
    List<String> listed = vectors().stream().map(Vector::name).sorted().toList();
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".hex"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
      assertEquals(onDisk, listed);
    }
    assertTrue(listed.size() >= 12, "expected at least the 12 vectors of spec v1");
  }

  @TestFactory
  Stream<DynamicTest> eachVectorFromEachSource() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Vector v : vectors()) {
      tests.add(DynamicTest.dynamicTest(v.name() + " from a byte array", () -> check(v, null)));
      for (Sources source : Sources.values()) {
        tests.add(DynamicTest.dynamicTest(v.name() + " from " + source, () -> check(v, source)));
      }
    }
    return tests.stream();
  }

  private static Snapshot read(byte[] bytes, Sources source) throws IOException {
    return source == null
        ? StateReader.read(bytes, REGISTRY)
        : StateReader.read(source.open(bytes), REGISTRY);
  }

  private static void check(Vector v, Sources source) throws IOException {
    byte[] bytes = v.bytes();
    if (!v.expect().equals("OK")) {
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> read(bytes, source));
      assertEquals(ChunkStreamException.Kind.valueOf(v.expect()), e.kind(), e.getMessage());
      assertEquals(Long.parseLong(v.offset()), e.offset(), e.getMessage());
      assertEquals(v.path(), e.path(), e.getMessage());
      assertTrue(e.getMessage().contains(v.expect()) && e.getMessage().contains(v.offset()));
      return;
    }
    Snapshot snapshot = read(bytes, source);
    assertEquals("vectors", snapshot.producer());
    assertDeepEquals(DECODED.get(v.name()), snapshot.states());

    List<SkippedChunk> skipped = snapshot.skipped();
    if (v.offset().isEmpty()) {
      assertEquals(List.of(), skipped);
    } else {
      assertEquals(1, skipped.size(), skipped.toString());
      SkippedChunk s = skipped.get(0);
      assertEquals(Long.parseLong(v.offset()), s.offset());
      assertEquals(v.path(), s.path());
      String[] parts = v.path().split("/");
      assertEquals(parts[parts.length - 1], s.type().code());
      Matcher length = Pattern.compile("length (\\d+)").matcher(v.note());
      assertTrue(length.find(), "the note states the skipped chunk's length");
      assertEquals(Integer.parseInt(length.group(1)), s.length());
    }

    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(rewritten, "vectors", REGISTRY)) {
      for (Object state : snapshot.states()) {
        writer.write(state);
      }
      writer.finish();
    }
    assertArrayEquals(withoutSkipped(bytes, skipped), rewritten.toByteArray());
  }

  /**
   * The vector with its skipped chunks cut out, and the length and CRC of each top-level chunk
   * that held one fixed up. (The vectors skip at most one level down.)
   */
  static byte[] withoutSkipped(byte[] stream, List<SkippedChunk> skipped) {
    byte[] out = stream;
    List<SkippedChunk> lastFirst = new ArrayList<>(skipped);
    lastFirst.sort(Comparator.comparingLong(SkippedChunk::offset).reversed());
    for (SkippedChunk s : lastFirst) {
      assertTrue(s.path().split("/").length <= 2, "vectors skip at most one level down");
      int from = (int) s.offset();
      int cut = s.length() + 12;
      int parent = -1;
      for (int at = 8; at < out.length; at += 12 + readInt(out, at)) {
        if (at < from && from < at + 12 + readInt(out, at)) {
          parent = at;
        }
      }
      byte[] shorter = new byte[out.length - cut];
      System.arraycopy(out, 0, shorter, 0, from);
      System.arraycopy(out, from + cut, shorter, from, out.length - from - cut);
      if (parent >= 0) {
        int length = readInt(shorter, parent) - cut;
        writeInt(shorter, parent, length);
        CRC32 crc = new CRC32();
        crc.update(shorter, parent + 4, length + 4);
        writeInt(shorter, parent + 8 + length, (int) crc.getValue());
      }
      out = shorter;
    }
    return out;
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
  }

  private static void writeInt(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }
}

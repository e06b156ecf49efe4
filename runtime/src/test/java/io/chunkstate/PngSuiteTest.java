package io.chunkstate;

import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.ChunkOutput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.testing.SharedFiles;
import io.chunkstate.testing.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The low-level chunk reader walks every PngSuite image as {@code pngcheck -v} does: the same
 * chunk types, lengths and offsets, the same CRC errors, the same damaged signatures.
 *
 * <p>The expected listing, {@code src/test/resources/pngsuite/pngcheck-v.txt}, is the output of
 * {@code cd shared/pngsuite && pngcheck -v *.png} (pngcheck 3.0.3, Debian package {@code
 * pngcheck}); regenerate it the same way. pngcheck prints the offset of a chunk's type field,
 * four bytes after the chunk's start. Files where pngcheck stops at an error in a chunk's
 * <em>content</em> (a bad bit depth, a missing IDAT) are framed correctly: there pngcheck's
 * listing is a prefix of the reader's, and the reader walks to the end.
 */
class PngSuiteTest {
  private static final Path SUITE = SharedFiles.resolve("pngsuite");
  private static final Pattern FILE = Pattern.compile("^File: (\\S+) \\((\\d+) bytes\\)$");
  private static final Pattern CHUNK =
      Pattern.compile("^  chunk (\\S{4}) at offset 0x([0-9a-f]+), length (\\d+)");
  private static final Pattern CRC_ERROR = Pattern.compile("^  CRC error in chunk (\\S{4}) ");

  enum Outcome {
    CLEAN,
    CRC,
    SIGNATURE,
    CONTENT_ERROR
  }

  record Listed(String type, long typeOffset, int length) {}

  record Expected(String file, long size, List<Listed> chunks, Outcome outcome) {}

  static Map<String, Expected> pngcheck() throws IOException {
    List<String> lines;
    try (InputStream in = PngSuiteTest.class.getResourceAsStream("/pngsuite/pngcheck-v.txt")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Map<String, Expected> out = new LinkedHashMap<>();
    String file = null;
    long size = 0;
    List<Listed> chunks = new ArrayList<>();
    Outcome outcome = null;
    for (String line : lines) {
      Matcher m;
      if ((m = FILE.matcher(line)).find()) {
        file = m.group(1);
        size = Long.parseLong(m.group(2));
        chunks = new ArrayList<>();
        outcome = Outcome.CONTENT_ERROR;
      } else if ((m = CHUNK.matcher(line)).find()) {
        chunks.add(new Listed(m.group(1), Long.parseLong(m.group(2), 16), Integer.parseInt(m.group(3))));
      } else if (CRC_ERROR.matcher(line).find()) {
        outcome = Outcome.CRC;
      } else if (line.contains("File is CORRUPTED") || line.contains("neither a PNG")) {
        outcome = Outcome.SIGNATURE;
      } else if (line.startsWith("No errors detected in ")) {
        out.put(file, new Expected(file, size, chunks, Outcome.CLEAN));
      } else if (line.startsWith("ERRORS DETECTED in ")) {
        out.put(file, new Expected(file, size, chunks, outcome));
      }
    }
    return out;
  }

  @Test
  void theListingCoversEveryImageOfTheSuite() throws IOException {
    TreeSet<String> onDisk = new TreeSet<>();
    try (Stream<Path> files = Files.list(SUITE)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(onDisk::add);
    }
    assertEquals(onDisk, new TreeSet<>(pngcheck().keySet()));
  }

  @Test
  void crcErrorsAndDamagedSignaturesAreTheOnesPngcheckFinds() throws IOException {
    TreeSet<String> crc = new TreeSet<>();
    TreeSet<String> signature = new TreeSet<>();
    for (Expected e : pngcheck().values()) {
      if (e.outcome() == Outcome.CRC) {
        crc.add(e.file());
      } else if (e.outcome() == Outcome.SIGNATURE) {
        signature.add(e.file());
      }
    }
    assertEquals(new TreeSet<>(List.of("xcsn0g01.png", "xhdn0g08.png")), crc);
    for (String name : signature) {
      assertTrue(name.startsWith("xs") || name.startsWith("xcrn") || name.startsWith("xlfn"), name);
    }
    assertEquals(6, signature.size(), signature.toString());
  }

  @TestFactory
  Stream<DynamicTest> walksEveryImageLikePngcheck() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Expected e : pngcheck().values()) {
      tests.add(DynamicTest.dynamicTest(e.file() + " from a byte array", () -> walk(e, null)));
      tests.add(
          DynamicTest.dynamicTest(
              e.file() + " one byte at a time", () -> walk(e, Sources.ONE_BYTE_AT_A_TIME)));
    }
    return tests.stream();
  }

  private static void walk(Expected e, Sources source) throws IOException {
    byte[] bytes = Files.readAllBytes(SUITE.resolve(e.file()));
    assertEquals(e.size(), bytes.length);
    List<Listed> walked = new ArrayList<>();
    ChunkStreamException error = null;
    try (ChunkInput input =
        source == null
            ? ChunkInput.open(bytes, Signature.PNG)
            : ChunkInput.open(source.open(bytes), Signature.PNG)) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        walked.add(new Listed(chunk.type().code(), chunk.offset() + 4, chunk.length()));
      }
      assertEquals(bytes.length, input.position(), "the walk ends at the end of the file");
    } catch (ChunkStreamException thrown) {
      error = thrown;
    }

    switch (e.outcome()) {
      case CLEAN:
        assertEquals(null, error);
        assertEquals(e.chunks(), walked);
        assertEquals("IEND", walked.get(walked.size() - 1).type());
        break;
      case CONTENT_ERROR:
        assertEquals(null, error);
        assertEquals(e.chunks(), walked.subList(0, e.chunks().size()));
        break;
      case CRC:
        assertTrue(error != null && error.kind() == ChunkStreamException.Kind.CRC, String.valueOf(error));
        Listed damaged = e.chunks().get(e.chunks().size() - 1);
        assertEquals(e.chunks().subList(0, e.chunks().size() - 1), walked);
        assertEquals(damaged.typeOffset() - 4, error.offset());
        assertEquals(damaged.type(), error.path());
        break;
      case SIGNATURE:
        assertTrue(error != null && error.kind() == ChunkStreamException.Kind.SIGNATURE, String.valueOf(error));
        assertEquals(0, error.offset());
        assertEquals(List.of(), walked);
        break;
      default:
        throw new AssertionError(e.outcome());
    }
  }

  @Test
  void copyingEveryChunkReproducesEveryWellFramedImage() throws IOException {
    int copied = 0;
    for (Expected e : pngcheck().values()) {
      if (e.outcome() != Outcome.CLEAN && e.outcome() != Outcome.CONTENT_ERROR) {
        continue;
      }
      byte[] original = Files.readAllBytes(SUITE.resolve(e.file()));
      java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
      try (ChunkInput in = ChunkInput.open(original, Signature.PNG);
          ChunkOutput out = ChunkOutput.open(copy, Signature.PNG)) {
        for (RawChunk chunk; (chunk = in.next()) != null; ) {
          if (chunk.type().isCritical()) {
            out.write(chunk);
          } else {
            out.write(chunk.type(), chunk.data()); // re-framed: the CRC is computed anew
          }
          assertEquals(in.position(), out.position());
        }
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(original, copy.toByteArray(), e.file());
      copied++;
    }
    assertEquals(167, copied); // 175 images, less 2 with CRC errors and 6 with damaged signatures
  }

  @Test
  void aPngIsNotAChunkstateStream() throws IOException {
    byte[] png = Files.readAllBytes(SUITE.resolve("basn0g01.png"));
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> ChunkInput.open(png, Signature.CHUNKSTATE));
    assertEquals(ChunkStreamException.Kind.SIGNATURE, e.kind());
  }
}

package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chunkstate.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code chunkstate inspect} agrees with {@code pngcheck -v} on every image of the PngSuite: the
 * same chunks, lengths and offsets, the same CRC errors (with pngcheck's computed and stored
 * values) and the same damaged signatures. The expected listing is the runtime's checked-in one
 * ({@code runtime/src/test/resources/pngsuite/pngcheck-v.txt}, see the runtime's PngSuiteTest for
 * how it was made); the images are the shared folder's, found as the runtime's tests find them.
 */
class PngSuiteTest {
  private static final Path LISTING =
      Paths.get("../runtime/src/test/resources/pngsuite/pngcheck-v.txt");
  private static final Pattern FILE = Pattern.compile("^File: (\\S+) \\((\\d+) bytes\\)$");
  private static final Pattern CHUNK =
      Pattern.compile("^  chunk (\\S{4}) at offset 0x([0-9a-f]+), length (\\d+)");
  private static final Pattern CRC_ERROR =
      Pattern.compile("^  CRC error in chunk (\\S{4}) \\(computed ([0-9a-f]{8}), expected ([0-9a-f]{8})\\)");

  enum Outcome {
    CLEAN,
    CRC,
    SIGNATURE,
    CONTENT_ERROR
  }

  record Listed(String type, long typeOffset, int length) {}

  record Expected(String file, List<Listed> chunks, Outcome outcome, String crcDetail) {}

  static Path shared(String relative) {
    return SharedFiles.resolve(relative);
  }

  static Map<String, Expected> pngcheck() throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    String file = null;
    List<Listed> chunks = new ArrayList<>();
    Outcome outcome = null;
    String crc = null;
    for (String line : Files.readAllLines(LISTING, StandardCharsets.UTF_8)) {
      Matcher m;
      if ((m = FILE.matcher(line)).find()) {
        file = m.group(1);
        chunks = new ArrayList<>();
        outcome = Outcome.CONTENT_ERROR;
        crc = null;
      } else if ((m = CHUNK.matcher(line)).find()) {
        chunks.add(new Listed(m.group(1), Long.parseLong(m.group(2), 16), Integer.parseInt(m.group(3))));
      } else if ((m = CRC_ERROR.matcher(line)).find()) {
        outcome = Outcome.CRC;
        crc = "stored CRC " + m.group(3) + " but the type and data give " + m.group(2);
      } else if (line.contains("File is CORRUPTED") || line.contains("neither a PNG")) {
        outcome = Outcome.SIGNATURE;
      } else if (line.startsWith("No errors detected in ")) {
        out.put(file, new Expected(file, chunks, Outcome.CLEAN, null));
      } else if (line.startsWith("ERRORS DETECTED in ")) {
        out.put(file, new Expected(file, chunks, outcome, crc));
      }
    }
    return out;
  }

  @Test
  void theListingCoversTheWholeSuite() throws IOException {
    try (Stream<Path> files = Files.list(shared("pngsuite"))) {
      assertEquals(
          files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList(),
          pngcheck().keySet().stream().sorted().toList());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyImageAsPngcheckListsIt() throws IOException {
    return pngcheck().values().stream()
        .map(e -> DynamicTest.dynamicTest(e.file(), () -> agree(e)));
  }

  private static void agree(Expected e) {
    Path image = shared("pngsuite").resolve(e.file());
    Cli.Result result = Cli.run("inspect", "--json", image.toString());
    JsonObject file =
        JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
    List<Listed> walked = new ArrayList<>();
    for (JsonElement c : file.getAsJsonArray("chunks")) {
      JsonObject chunk = c.getAsJsonObject();
      walked.add(
          new Listed(
              chunk.get("type").getAsString(),
              chunk.get("offset").getAsLong() + 4, // pngcheck prints the type field's offset
              chunk.get("length").getAsInt()));
    }
    JsonArray problems = file.getAsJsonArray("problems");
    switch (e.outcome()) {
      case CLEAN -> {
        assertEquals(e.chunks(), walked);
        assertEquals(0, problems.size(), problems.toString());
        assertEquals(ExitCodes.OK, result.status());
      }
      case CONTENT_ERROR -> assertEquals(e.chunks(), walked.subList(0, e.chunks().size()));
      case CRC -> {
        Listed damaged = e.chunks().get(e.chunks().size() - 1);
        assertEquals(e.chunks().subList(0, e.chunks().size() - 1), walked);
        JsonObject problem = problems.get(0).getAsJsonObject();
        assertEquals("CRC", problem.get("kind").getAsString());
        assertEquals(damaged.typeOffset() - 4, problem.get("offset").getAsLong());
        assertEquals(damaged.type(), problem.get("path").getAsString());
        assertEquals(e.crcDetail(), problem.get("detail").getAsString());
        assertEquals(ExitCodes.PROBLEMS, result.status());
      }
      case SIGNATURE -> {
        assertEquals(List.of(), walked);
        JsonObject problem = problems.get(0).getAsJsonObject();
        assertEquals("SIGNATURE", problem.get("kind").getAsString());
        assertEquals(0, problem.get("offset").getAsLong());
        assertEquals(ExitCodes.PROBLEMS, result.status());
      }
      default -> throw new AssertionError(e.outcome());
    }
  }

  @Test
  void aPngEndsAtIend() throws IOException {
    byte[] png = Files.readAllBytes(shared("pngsuite").resolve("basn0g01.png"));
    Path dir = Files.createTempDirectory("png");
    try {
      byte[] trailing = java.util.Arrays.copyOf(png, png.length + 5);
      Cli.Result after = Cli.run("inspect", Cli.write(dir, "after.png", trailing).toString());
      assertEquals(ExitCodes.PROBLEMS, after.status());
      assertTrue(
          after.out().contains("TRAILING_DATA at offset " + png.length
              + ": additional data after IEND chunk (5 bytes)"), after.out());

      byte[] noEnd = java.util.Arrays.copyOf(png, png.length - 12);
      Cli.Result missing = Cli.run("inspect", Cli.write(dir, "noend.png", noEnd).toString());
      assertEquals(ExitCodes.PROBLEMS, missing.status());
      assertTrue(
          missing.out().contains("TRUNCATED at offset " + noEnd.length
              + ": file doesn't end with an IEND chunk"), missing.out());
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}

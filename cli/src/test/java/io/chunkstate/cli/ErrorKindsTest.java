package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per error kind of SPEC §5: the inspector names the problem as the runtime's reader
 * does, with the same kind, offset and path, and exits 1.
 */
class ErrorKindsTest {
  @TempDir Path dir;

  /** The reader's error for {@code stream}, read with the samples' codecs and {@code options}. */
  private static ChunkStreamException readerError(byte[] stream, ReadOptions options) {
    return assertThrows(
        ChunkStreamException.class, () -> StateReader.read(stream, ChunkRegistry.load(), options));
  }

  /**
   * Inspects {@code stream} with the samples' codecs (and {@code extra} options), checks that the
   * inspector reports the reader's error, and returns its output.
   */
  private String inspect(byte[] stream, Kind kind, ReadOptions options, String... extra)
      throws IOException {
    ChunkStreamException expected = readerError(stream, options);
    assertEquals(kind, expected.kind(), expected.getMessage());
    Path file = Cli.write(dir, "stream.chk", stream);
    String[] args = new String[extra.length + 4];
    args[0] = "inspect";
    args[1] = "--classpath";
    args[2] = Cli.samplesClassPath().toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = file.toString();
    Cli.Result result = Cli.run(args);
    assertEquals(ExitCodes.PROBLEMS, result.status(), result.out() + result.err());
    assertTrue(result.out().contains("  ERROR " + expected.getMessage()), result.out());
    String verdict =
        "ERRORS in " + file + ": " + kind + " at offset " + expected.offset()
            + (expected.path().isEmpty() ? "" : " in " + expected.path()) + ".";
    assertTrue(result.out().contains(verdict), result.out());
    // verify says the same, on one line
    Cli.Result verify = Cli.run(replaceFirst(args, "verify"));
    assertEquals("FAIL " + file + ": " + expected.getMessage() + "\n", verify.out());
    assertEquals(ExitCodes.PROBLEMS, verify.status());
    return result.out();
  }

  private static String[] replaceFirst(String[] args, String command) {
    String[] copy = args.clone();
    copy[0] = command;
    return copy;
  }

  private String inspect(byte[] stream, Kind kind) throws IOException {
    return inspect(stream, kind, ReadOptions.defaults());
  }

  @Test
  void signatureThroughASevenBitChannel() throws IOException {
    byte[] stream = Cli.sample();
    stream[0] &= 0x7f;
    String out = inspect(stream, Kind.SIGNATURE);
    assertTrue(out.contains("7-bit channel"), out);
  }

  @Test
  void signatureWithConvertedLineEndings() throws IOException {
    byte[] sample = Cli.sample();
    ByteArrayOutputStream converted = new ByteArrayOutputStream();
    converted.write(sample, 0, 4);
    converted.write(sample, 5, sample.length - 5); // CR LF became LF
    String out = inspect(converted.toByteArray(), Kind.SIGNATURE);
    assertTrue(out.contains("converted line endings"), out);
  }

  @Test
  void crcShowsTheComputedAndTheStoredValue() throws IOException {
    byte[] stream = Cli.sample();
    int uart = Cli.topLevel(stream, "UaRt");
    stream[uart + 9] ^= 1;
    String out = inspect(stream, Kind.CRC);
    assertTrue(out.contains("CRC at offset " + uart + " in UaRt: stored CRC "), out);
    assertTrue(out.contains(" but the type and data give "), out);
  }

  @Test
  void crcOfASubChunkIsNamedByItsPath() throws IOException {
    byte[] stream = Cli.sample();
    int msix = Cli.topLevel(stream, "PcIs") + 353; // MsXs inside the first PcIs, at 403
    assertEquals("MsXs", new String(stream, msix + 4, 4, StandardCharsets.US_ASCII));
    stream[msix + 9] ^= 1;
    Cli.fixCrc(stream, Cli.topLevel(stream, "PcIs"));
    String out = inspect(stream, Kind.CRC);
    assertTrue(out.contains("CRC at offset 403 in PcIs/MsXs"), out);
  }

  @Test
  void typeBytesThatAreNotLetters() throws IOException {
    byte[] stream = Cli.sample();
    stream[Cli.topLevel(stream, "UaRt") + 5] = '1';
    inspect(stream, Kind.TYPE);
  }

  @Test
  void lengthAboveTheLimit() throws IOException {
    byte[] stream = Cli.sample();
    stream[Cli.topLevel(stream, "UaRt")] = (byte) 0x80;
    inspect(stream, Kind.LENGTH);
  }

  @Test
  void truncatedSaysWhereAndWhatWasExpected() throws IOException {
    byte[] sample = Cli.sample();
    int rtc = Cli.topLevel(sample, "RtCc");
    String out = inspect(Arrays.copyOf(sample, rtc + 20), Kind.TRUNCATED);
    assertTrue(out.contains("TRUNCATED at offset " + rtc), out);
  }

  @Test
  void structureWhenTheFirstChunkIsNotChdr() throws IOException {
    byte[] sample = Cli.sample();
    int first = Cli.topLevel(sample, "PcIs");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(sample, 0, 8);
    out.write(sample, first, sample.length - first);
    inspect(out.toByteArray(), Kind.STRUCTURE);
  }

  @Test
  void versionOfAnotherMajor() throws IOException {
    byte[] stream = Cli.sample();
    stream[17] = 2; // CHDR's major, at data byte 1
    inspect(Cli.fixCrc(stream, 8), Kind.VERSION);
  }

  @Test
  void trailingDataAfterCendIsOneProblem() throws IOException {
    byte[] sample = Cli.sample();
    byte[] stream = Arrays.copyOf(sample, sample.length + 3);
    String out = inspect(stream, Kind.TRAILING_DATA);
    assertEquals(1, out.split("\n  ERROR ", -1).length - 1, out);

    Path file = Cli.write(dir, "trailing.chk", stream);
    Cli.Result quiet = Cli.run("inspect", "-q", file.toString());
    assertEquals(
        file + ": TRAILING_DATA at offset " + sample.length
            + ": data follows the end of the stream\n",
        quiet.out());
    assertEquals(ExitCodes.PROBLEMS, quiet.status());
  }

  @Test
  void aChunkAfterCendIsTrailingDataNotPartOfTheStream() throws IOException {
    byte[] sample = Cli.sample();
    int uart = Cli.topLevel(sample, "UaRt");
    int length = 12 + 19; // UaRt's framing and data
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(sample);
    stream.write(sample, uart, length); // a whole valid chunk after CEND
    String out = inspect(stream.toByteArray(), Kind.TRAILING_DATA);
    assertTrue(out.contains("  ERROR TRAILING_DATA at offset " + sample.length + ": "), out);
    assertEquals(1, out.split("\n  ERROR ", -1).length - 1, out);
    assertTrue(out.contains("\n      1055          0  CEND  "), out);
    assertFalse(out.contains(String.format("%10d %10d  UaRt", sample.length, 19)), out);
  }

  @Test
  void unknownCritical() throws IOException {
    byte[] stream = Cli.sample();
    int uart = Cli.topLevel(stream, "UaRt");
    stream[uart + 4] = 'Q';
    stream[uart + 5] = 'q';
    stream[uart + 6] = 'Q';
    stream[uart + 7] = 'q';
    inspect(Cli.fixCrc(stream, uart), Kind.UNKNOWN_CRITICAL);
  }

  @Test
  void dataThatBreaksAFieldsEncoding() throws IOException {
    byte[] stream = Cli.sample();
    int rng = Cli.topLevel(stream, "RnGd");
    stream[rng + 8] = 2; // the boolean 'ready'
    inspect(Cli.fixCrc(stream, rng), Kind.DATA);
  }

  @Test
  void dataFoundFromARegistryFileWithoutClasses() throws IOException {
    byte[] stream = Cli.sample();
    int rng = Cli.topLevel(stream, "RnGd");
    stream[rng + 8] = 2;
    Cli.fixCrc(stream, rng);
    ChunkStreamException expected = readerError(stream, ReadOptions.defaults());
    Path file = Cli.write(dir, "data.chk", stream);
    Cli.Result result =
        Cli.run("inspect", "--registry", Cli.samplesRegistry(dir).toString(), file.toString());
    assertEquals(ExitCodes.PROBLEMS, result.status());
    assertTrue(result.out().contains("  ERROR " + expected.getMessage()), result.out());
  }

  @Test
  void limitOfTheReadOptions() throws IOException {
    String out =
        inspect(
            Cli.sample(),
            Kind.LIMIT,
            ReadOptions.defaults().withMaxChunkLength(100),
            "--max-chunk-length",
            "100");
    assertTrue(out.contains("LIMIT at offset 50"), out);
  }
}

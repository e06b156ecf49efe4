package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkOutput;
import io.chunkstate.framing.Signature;
import io.chunkstate.wire.WireWriter;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream larger than the heap (the module's tests run with 64 MiB) is inspected and verified
 * in memory that does not grow with the file: the command streams it, one chunk at a time, and
 * holds a chunk only to print its fields. A chunk larger than the heap is streamed too, unless it
 * must be held: then it is a {@code LIMIT} problem, or at worst one line and its own exit status.
 */
class LargeStreamTest {
  private static final int CHUNK = 64 * 1024;
  private static final int CHUNKS = 1600; // 100 MiB of data
  private static final ChunkType BLOB = ChunkType.of("blOb");

  @TempDir Path dir;

  /** Writes the stream chunk by chunk, never holding more than one chunk's data. */
  private Path largeStream() throws IOException {
    Path file = dir.resolve("large.chk");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ChunkOutput chunks = ChunkOutput.open(out, Signature.CHUNKSTATE)) {
      WireWriter header = new WireWriter();
      header.writeShort((short) 1);
      header.writeShort((short) 0);
      header.writeString("large-stream-test");
      chunks.write(ChunkType.CHDR, header.toByteArray());
      byte[] data = new byte[CHUNK];
      for (int i = 0; i < CHUNKS; i++) {
        data[0] = (byte) i;
        chunks.write(BLOB, data);
      }
      chunks.write(ChunkType.CEND, new byte[0]);
    }
    assertTrue(Files.size(file) > Runtime.getRuntime().maxMemory(), "larger than the heap");
    return file;
  }

  @Test
  void summaryVerifyAndInspectStreamAFileLargerThanTheHeap() throws IOException {
    Path file = largeStream();
    long size = Files.size(file);

    Cli.Result summary = Cli.run("inspect", "--summary", file.toString());
    assertEquals(ExitCodes.OK, summary.status(), summary.out());
    long blobBytes = (long) CHUNKS * (CHUNK + 12);
    String share = String.format("%7.2f%%", 100.0 * blobBytes / size);
    assertTrue(
        summary.out().contains(String.format("  %-20s %10d %14d %s", "blOb", CHUNKS, blobBytes, share)),
        summary.out());
    assertTrue(summary.out().contains("No errors in " + file + " (" + (CHUNKS + 2) + " chunks)."));

    Cli.Result verify = Cli.run("verify", file.toString());
    assertEquals("OK   " + file + "\n", verify.out());

    Cli.Result inspect = Cli.run("inspect", "-q", file.toString());
    assertEquals("", inspect.out());
    assertEquals(ExitCodes.OK, inspect.status());
  }

  /**
   * Writes a stream of {@code CHDR}, one chunk of {@code type} whose data is {@code mib} MiB of
   * zeros, and {@code CEND}, never holding more than one MiB of it.
   */
  private Path oneLargeChunk(String name, String type, int mib) throws IOException {
    Path file = dir.resolve(name);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.write(Signature.CHUNKSTATE.bytes());
      WireWriter header = new WireWriter();
      header.writeShort((short) 1);
      header.writeShort((short) 0);
      header.writeString("large-stream-test");
      chunk(out, "CHDR", header.toByteArray(), 1);
      chunk(out, type, new byte[1 << 20], mib);
      chunk(out, "CEND", new byte[0], 1);
    }
    return file;
  }

  /** Writes one chunk whose data is {@code part} repeated {@code times}, with its CRC. */
  private static void chunk(DataOutputStream out, String type, byte[] part, int times)
      throws IOException {
    byte[] code = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(part.length * times);
    out.write(code);
    CRC32 crc = new CRC32();
    crc.update(code);
    for (int i = 0; i < times; i++) {
      out.write(part);
      crc.update(part);
    }
    out.writeInt((int) crc.getValue());
  }

  @Test
  void oneAncillaryChunkLargerThanTheHeapIsStreamedByVerifyInspectAndDiff() throws IOException {
    Path file = oneLargeChunk("one-large-chunk.chk", "blOb", 100);

    Cli.Result verify = Cli.run("verify", file.toString());
    assertEquals("OK   " + file + "\n", verify.out(), verify.err());
    assertEquals("", verify.err());
    assertEquals(ExitCodes.OK, verify.status());

    Cli.Result inspect = Cli.run("inspect", file.toString());
    assertEquals(ExitCodes.OK, inspect.status(), inspect.err());
    assertTrue(
        inspect.out().contains(
            "        45  104857600  blOb  ancillary private reserved-ok  safe-to-copy  CRC ok "
                + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 …\n"),
        inspect.out());
    assertTrue(inspect.out().contains("No errors in " + file + " (3 chunks)."), inspect.out());

    Cli.Result quiet = Cli.run("inspect", "-q", file.toString());
    assertEquals("", quiet.out() + quiet.err());
    assertEquals(ExitCodes.OK, quiet.status());

    Cli.Result diff = Cli.run("diff", file.toString(), file.toString());
    assertEquals(ExitCodes.OK, diff.status(), diff.out() + diff.err());
    assertTrue(diff.out().endsWith("The chunks compared are the same (3).\n"), diff.out());
  }

  @Test
  void aDescribedChunkLargerThanTheBudgetIsALimitProblem() throws IOException {
    Path file = oneLargeChunk("large-uart.chk", "UaRt", 40);
    String classPath = Cli.samplesClassPath().toString();

    Cli.Result inspect = Cli.run("inspect", "--classpath", classPath, file.toString());
    assertEquals(ExitCodes.PROBLEMS, inspect.status(), inspect.out() + inspect.err());
    assertEquals("", inspect.err());
    assertTrue(inspect.out().contains("\n  ERROR LIMIT at offset 45 in UaRt: "), inspect.out());
    assertTrue(
        inspect.out().contains("ERRORS in " + file + ": LIMIT at offset 45 in UaRt.\n"),
        inspect.out());

    Cli.Result verify = Cli.run("verify", "--classpath", classPath, file.toString());
    assertTrue(
        verify.out().startsWith("FAIL " + file + ": LIMIT at offset 45 in UaRt: "), verify.out());
    assertEquals(ExitCodes.PROBLEMS, verify.status());
  }

  @Test
  void aCriticalChunkLargerThanTheBudgetIsALimitProblemWithoutDescriptions() throws IOException {
    // Without descriptions the check copies a critical chunk whole, as understood (ChunkEditor),
    // within the reader's allocation budget.
    Path file = oneLargeChunk("large-critical.chk", "BlOb", 100);

    Cli.Result verify = Cli.run("verify", file.toString());
    assertEquals(ExitCodes.PROBLEMS, verify.status(), verify.out() + verify.err());
    assertEquals("", verify.err());
    assertTrue(
        verify.out().startsWith("FAIL " + file + ": LIMIT at offset 45 in BlOb: "), verify.out());
    assertTrue(
        verify.out().contains(", a quarter of the heap; raise it with java -Xmx"), verify.out());
  }

  @Test
  void aHeapThatRunsOutAnywayIsOneLineAndItsOwnExitStatus() throws IOException {
    // No input reaches it past the limits, so the heap runs out where the command prints.
    Path file = dir.resolve("sample.chk");
    Files.write(file, Cli.sample());
    Writer exhausted =
        new Writer() {
          @Override
          public void write(char[] chars, int off, int len) {
            throw new OutOfMemoryError("Java heap space");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();
    int status =
        Main.run(new PrintWriter(exhausted), new PrintWriter(err), "inspect", file.toString());
    assertEquals(ExitCodes.OUT_OF_MEMORY, status);
    assertTrue(err.toString().matches("chunkstate: out of memory: [^\n]*-Xmx\n"), err.toString());
  }
}

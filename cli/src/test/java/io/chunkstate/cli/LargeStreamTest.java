package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkOutput;
import io.chunkstate.framing.Signature;
import io.chunkstate.wire.WireWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream larger than the heap (the module's tests run with 64 MiB) is inspected and verified
 * in memory that does not grow with the file: the command streams it, one chunk at a time.
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
}

package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.SkippedChunk;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.Signature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link ChunkEditor} from one file to another for {@code strip} and {@code edit}: the
 * output is written to a temporary file beside it and renamed over it only when the copy has
 * succeeded, so a damaged input never leaves a half-written output; and what the copy rules
 * dropped is printed.
 */
final class Copier {
  private Copier() {}

  /** Copies {@code in} to {@code out} through the editor {@code edits} makes; returns the exit code. */
  static int copy(
      Path in, Path out, Descriptions descriptions, UnaryOperator<ChunkEditor> edits, PrintWriter print)
      throws IOException {
    Signature signature;
    try (InputStream head = Files.newInputStream(in)) {
      byte[] bytes = new byte[8];
      signature = Inspector.looksLikePng(bytes, head.readNBytes(bytes, 0, 8))
          ? Signature.PNG
          : Signature.CHUNKSTATE;
    }
    ChunkEditor editor =
        edits.apply(ChunkEditor.of(signature, ReaderCheck.structure(descriptions)));
    Path target = out.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      List<SkippedChunk> dropped;
      try (InputStream from = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
          OutputStream to = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        dropped = editor.copy(from, to);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      print.printf("Wrote %s (%d bytes, from %d).%n", out, Files.size(target), Files.size(in));
      if (editor.changesCritical()) {
        print.println("A critical chunk changed: unknown unsafe-to-copy chunks are dropped.");
      }
      for (SkippedChunk chunk : dropped) {
        print.printf(
            "Dropped %s at offset %d, length %d (%s): not understood, and a critical chunk changed.%n",
            chunk.path(), chunk.offset(), chunk.length(), chunk.type().properties());
      }
      if (dropped.isEmpty()) {
        print.println("The copy rules dropped no chunk.");
      }
      return ExitCodes.OK;
    } catch (ChunkStreamException e) {
      print.println("Not written: " + in + ": " + e.getMessage());
      return ExitCodes.PROBLEMS;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

package io.chunkstate.machine.cli;

import io.chunkstate.SkippedChunk;
import io.chunkstate.migration.MigrationListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress and logs, on standard error: standard output carries only the lines that outside tools
 * read. Each line starts with the side's name, so that two processes' logs can be told apart.
 */
final class Log implements MigrationListener {
  private final PrintStream err;
  private final String side;
  private long lastProgress;

  Log(PrintStream err, String side) {
    this.err = err;
    this.side = side;
  }

  void info(String format, Object... args) {
    err.println(side + ": " + String.format(Locale.ROOT, format, args));
    err.flush();
  }

  @Override
  public void phase(Phase phase) {
    info("phase %s", phase.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  @Override
  public void progress(Progress p) {
    long now = System.nanoTime();
    if (now - lastProgress < 200_000_000L && p.remainingDirty() > 0) {
      return; // at most five lines a second while a round is under way
    }
    lastProgress = now;
    info(
        "round %d: %.1f MiB, %d pages sent, %.0f MiB/s, %d dirty pages to send",
        p.round(),
        p.bytes() / 1048576.0,
        p.pages(),
        p.bytesPerSecond() / 1048576.0,
        p.remainingDirty());
  }

  @Override
  public void skipped(SkippedChunk chunk) {
    info("skipped ancillary chunk %s at offset %d (%s)",
        chunk.type().code(), chunk.offset(), chunk.path());
  }
}

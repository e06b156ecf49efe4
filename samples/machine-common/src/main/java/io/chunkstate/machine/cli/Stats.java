package io.chunkstate.machine.cli;

import io.chunkstate.SkippedChunk;
import io.chunkstate.migration.MigrationStats;

/** The summary of what a migration moved, one line on standard error that the demo reads. */
final class Stats {
  private Stats() {}

  static void log(Log log, MigrationStats stats) {
    log.info(
        "STATS bytes=%d chunks=%d rounds=%d paused-ms=%d total-ms=%d skipped=%d",
        stats.bytes(),
        stats.chunks(),
        stats.rounds(),
        stats.paused().toMillis(),
        stats.total().toMillis(),
        stats.skipped().size());
    for (SkippedChunk chunk : stats.skipped()) {
      log.info("skipped ancillary chunk %s (%d bytes) at %s",
          chunk.type().code(), chunk.length(), chunk.path());
    }
  }
}

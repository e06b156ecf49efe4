package io.chunkstate.migration;

import io.chunkstate.SkippedChunk;

/** Progress of a migration, reported on the thread that runs it. Every method does nothing by default. */
public interface MigrationListener {
  /** The session moved to {@code phase}. */
  default void phase(Phase phase) {}

  /** A round of the bulk transfer, or the last pages of the switch-over, made progress. */
  default void progress(Progress progress) {}

  /** The destination skipped an ancillary chunk it does not know. */
  default void skipped(SkippedChunk chunk) {}

  /** The steps of a migration, in order. */
  enum Phase {
    PRE_FLIGHT,
    BULK,
    SWITCH_OVER,
    COMMIT,
    DONE
  }

  /**
   * Where the transfer stands: the round (1 for the first pass over all memory), the bytes and
   * pages sent so far, the rate, and the pages that are dirty and not yet sent again.
   */
  record Progress(int round, long bytes, long pages, double bytesPerSecond, long remainingDirty) {}
}

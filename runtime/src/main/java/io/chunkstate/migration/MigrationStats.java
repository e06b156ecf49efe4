package io.chunkstate.migration;

import io.chunkstate.SkippedChunk;
import java.time.Duration;
import java.util.List;

/**
 * What a migration moved: bytes and chunks sent or received, rounds of the bulk transfer, the time
 * the source was paused, the whole time, and the ancillary chunks the destination skipped.
 */
public record MigrationStats(
    long bytes,
    long chunks,
    int rounds,
    Duration paused,
    Duration total,
    List<SkippedChunk> skipped) {
  public MigrationStats {
    skipped = List.copyOf(skipped);
  }
}

package io.chunkstate.migration;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.schema.Finding;
import java.util.List;
import java.util.Optional;

/**
 * How a migration ended for its source.
 *
 * @param state whether the source machine runs
 * @param reason why it ended so, for an operator (empty when it stopped after a commit)
 * @param findings the destination's compatibility findings when it refused at pre-flight
 * @param remoteError the destination's error when it sent one: its kind, offset and path
 * @param stats what moved
 */
public record SourceOutcome(
    State state,
    String reason,
    List<Finding> findings,
    Optional<RemoteError> remoteError,
    MigrationStats stats) {
  public SourceOutcome {
    findings = List.copyOf(findings);
  }

  /** The three ends of a migration for its source. */
  public enum State {
    /** The destination acknowledged the commit; the source has stopped for good. */
    STOPPED,
    /** The migration did not commit; the source runs (it never paused, or it resumed). */
    RUNNING,
    /**
     * The commit was sent and no acknowledgment came. The source must not resume on its own:
     * the destination knows whether it runs.
     */
    IN_DOUBT
  }

  /** An error the destination reported: the kind, offset and path of its {@link ChunkStreamException}, or its message. */
  public record RemoteError(String kind, long offset, String path, String message) {}
}

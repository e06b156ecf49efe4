package io.chunkstate.hardening;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import java.util.Objects;

/**
 * What a reader made of some bytes, in a form two readers' results can be compared by: either
 * success with a description of what was read, or the kind, offset and path of the {@link
 * ChunkStreamException} it threw.
 *
 * <p>Only a {@code ChunkStreamException} becomes an outcome; any other exception propagates out of
 * {@link #of}, which makes it a test failure (and, under the fuzzer, a finding).
 */
record Outcome(ChunkStreamException.Kind kind, long offset, String path, String read) {
  /** Something a reader does that can throw. */
  @FunctionalInterface
  interface Read {
    String run() throws Exception;
  }

  /** Runs {@code read}; success is described by the string it returns. */
  static Outcome of(Read read) throws Exception {
    try {
      return new Outcome(null, -1, "", Objects.requireNonNull(read.run()));
    } catch (ChunkStreamException e) {
      return new Outcome(e.kind(), e.offset(), e.path(), null);
    }
  }

  boolean ok() {
    return kind == null;
  }

  @Override
  public String toString() {
    return ok() ? "OK " + read : kind + " at " + offset + (path.isEmpty() ? "" : " in " + path);
  }

  /**
   * The producer, the classes of the states and every skipped chunk; the states themselves are
   * compared with {@code States.assertDeepEquals}, not through their {@code toString}.
   */
  static String describe(Snapshot snapshot) {
    StringBuilder out = new StringBuilder(snapshot.producer());
    for (Object state : snapshot.states()) {
      out.append(' ').append(state.getClass().getSimpleName());
    }
    return out.append(" skipped ").append(snapshot.skipped()).toString();
  }
}

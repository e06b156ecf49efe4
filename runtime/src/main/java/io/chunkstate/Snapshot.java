package io.chunkstate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The state read from one complete, checked stream: the decoded top-level chunks in stream order,
 * the producer named in {@code CHDR}, and the unknown ancillary chunks that were skipped.
 */
public final class Snapshot {
  private final String producer;
  private final int formatMinor;
  private final List<Object> states;
  private final List<SkippedChunk> skipped;
  private final long[] offsets;

  /**
   * Takes {@code states}, their stream {@code offsets} and {@code skipped} over: the caller keeps
   * no reference to them.
   */
  Snapshot(
      String producer,
      int formatMinor,
      List<Object> states,
      long[] offsets,
      List<SkippedChunk> skipped) {
    this.producer = producer;
    this.formatMinor = formatMinor;
    this.states = Collections.unmodifiableList(states);
    this.offsets = offsets;
    this.skipped = Collections.unmodifiableList(skipped);
  }

  /** The stream offset of the chunk of the state at {@code index} of {@link #states()}. */
  long offset(int index) {
    return offsets[index];
  }

  /** The producer name from the stream's {@code CHDR}. */
  public String producer() {
    return producer;
  }

  /** The format minor version the stream declares. */
  public int formatMinor() {
    return formatMinor;
  }

  /** Every decoded top-level state, in stream order. */
  public List<Object> states() {
    return states;
  }

  /** The top-level states of exactly class {@code type}, in stream order. */
  public <T> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object state : states) {
      if (state.getClass() == type) {
        out.add(type.cast(state));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The one top-level state of class {@code type}.
   *
   * @throws NoSuchElementException if the stream holds none, or more than one
   */
  public <T> T get(Class<T> type) {
    List<T> found = all(type);
    if (found.size() != 1) {
      throw new NoSuchElementException(
          "expected exactly one " + type.getName() + " in the snapshot, found " + found.size());
    }
    return found.get(0);
  }

  /** The unknown ancillary chunks skipped at any depth, in stream order. */
  public List<SkippedChunk> skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "Snapshot[producer=" + producer + ", states=" + states.size() + ", skipped="
        + skipped.size() + "]";
  }
}

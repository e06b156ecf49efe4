package io.chunkstate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The state read from one complete, checked stream: the decoded top-level chunks in stream order,
 * the producer named in {@code CHDR}, and the unknown ancillary chunks that were skipped.
 */
public final class Snapshot {
  private final String producer;
  private final int formatMinor;
  // The first count elements of states are the states, in stream order; offsets, at the same
  // index, the stream offsets of their chunks.
  private final Object[] states;
  private final int count;
  private final long[] offsets;
  private final List<SkippedChunk> skipped;
  // The states by class, built on the first lookup in a snapshot of more than SCAN_UP_TO states.
  private volatile Map<Class<?>, List<Object>> byClass;

  // Whether a restore has applied the states to live targets, which may now share their arrays
  // and lists: the states are theirs from then on, and no second restore may hand them out.
  private boolean restored;

  // Up to this many states, a lookup scans them: cheaper than building an index.
  private static final int SCAN_UP_TO = 16;

  /**
   * Takes the first {@code count} elements of {@code states}, their stream {@code offsets} (at the
   * same index; both arrays may be longer) and {@code skipped} over: the caller keeps no reference
   * to them.
   */
  Snapshot(
      String producer,
      int formatMinor,
      Object[] states,
      int count,
      long[] offsets,
      List<SkippedChunk> skipped) {
    this.producer = producer;
    this.formatMinor = formatMinor;
    this.states = states; // read only here; states() hands out a view that cannot change it
    this.count = count;
    this.offsets = offsets;
    this.skipped = skipped.isEmpty() ? List.of() : Collections.unmodifiableList(skipped);
  }

  /**
   * Marks the snapshot restored, at a restore's point of no return; false if a restore already
   * did.
   */
  synchronized boolean claimForRestore() {
    if (restored) {
      return false;
    }
    restored = true;
    return true;
  }

  /**
   * Whether {@link Restore#from(Snapshot)} has restored this snapshot into live objects. Its
   * states then belong to them: a target may share a state's arrays and lists, so what {@link
   * #states()} returns changes as the restored program runs, and the snapshot cannot be restored
   * again. Read the stream again to restore it twice.
   */
  public synchronized boolean isRestored() {
    return restored;
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
    return new States();
  }

  /** The top-level states of exactly class {@code type}, in stream order. */
  public <T> List<T> all(Class<T> type) {
    if (count > SCAN_UP_TO) {
      @SuppressWarnings("unchecked") // the index holds states of exactly the class of their key
      List<T> found = (List<T>) index().getOrDefault(type, List.of());
      return found;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (states[i].getClass() == type) {
        out.add(type.cast(states[i]));
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
    Object one = null;
    int found;
    if (count > SCAN_UP_TO) {
      List<Object> all = index().getOrDefault(type, List.of());
      found = all.size();
      one = found == 0 ? null : all.get(0);
    } else {
      found = 0;
      for (int i = 0; i < count; i++) {
        if (states[i].getClass() == type) {
          one = states[i];
          found++;
        }
      }
    }
    if (found != 1) {
      throw new NoSuchElementException(
          "expected exactly one " + type.getName() + " in the snapshot, found " + found);
    }
    return type.cast(one);
  }

  /** The states by class, each list in stream order: one pass, on the first lookup. */
  private Map<Class<?>, List<Object>> index() {
    if (byClass == null) {
      Map<Class<?>, List<Object>> index = new HashMap<>();
      for (int i = 0; i < count; i++) {
        index.computeIfAbsent(states[i].getClass(), c -> new ArrayList<>()).add(states[i]);
      }
      index.replaceAll((c, list) -> Collections.unmodifiableList(list));
      byClass = index;
    }
    return byClass;
  }

  /** The unknown ancillary chunks skipped at any depth, in stream order. */
  public List<SkippedChunk> skipped() {
    return skipped;
  }

  /** The states, in stream order, as a list that cannot change them. */
  private final class States extends AbstractList<Object> implements RandomAccess {
    @Override
    public Object get(int index) {
      return states[Objects.checkIndex(index, count)];
    }

    @Override
    public int size() {
      return count;
    }
  }

  @Override
  public String toString() {
    return "Snapshot[producer=" + producer + ", states=" + count + ", skipped="
        + skipped.size() + "]";
  }
}

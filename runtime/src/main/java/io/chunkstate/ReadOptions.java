package io.chunkstate;

import io.chunkstate.internal.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one read: how deep sub-chunks may nest, how much the reader may allocate, and how
 * long the read may take. Immutable; each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.defaults()
 *     .withAllocationBudget(512L << 20)
 *     .withTimeout(Duration.ofSeconds(30));
 * Snapshot snapshot = StateReader.read(in, registry, options);
 * }</pre>
 *
 * <p>The defaults are safe for input from an untrusted peer: the nesting limit of SPEC §4, an
 * allocation budget of a quarter of the heap the JVM may use ({@link Runtime#maxMemory()}), and no
 * timeout.
 */
public final class ReadOptions {
  /** The deepest sub-chunks may nest below their top-level chunk (SPEC §4): 64 levels. */
  public static final int MAX_NESTING = Limits.MAX_NESTING;

  private final int maxNesting;
  private final long allocationBudget;
  private final Duration timeout;

  private ReadOptions(int maxNesting, long allocationBudget, Duration timeout) {
    this.maxNesting = maxNesting;
    this.allocationBudget = allocationBudget;
    this.timeout = timeout;
  }

  /** The safe defaults described above. */
  public static ReadOptions defaults() {
    return new ReadOptions(MAX_NESTING, Limits.defaultAllocationBudget(), null);
  }

  /**
   * A lower nesting limit: sub-chunks nested more than {@code levels} below their top-level chunk
   * fail with {@code STRUCTURE}. SPEC §4 lets a reader lower the limit, never raise it.
   *
   * @throws IllegalArgumentException if {@code levels} is negative or above {@value #MAX_NESTING}
   */
  public ReadOptions withMaxNesting(int levels) {
    if (levels < 0 || levels > MAX_NESTING) {
      throw new IllegalArgumentException(
          "the nesting limit may be lowered from " + MAX_NESTING + ", never raised: got " + levels);
    }
    return new ReadOptions(levels, allocationBudget, timeout);
  }

  /**
   * How many bytes of heap the reader may allocate for the stream: the chunk data it buffers and
   * the states, strings, arrays and lists it decodes, estimated on the high side. A stream that
   * would need more fails with {@code LIMIT} as soon as the estimate passes the budget, before
   * the allocation.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public ReadOptions withAllocationBudget(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the allocation budget must be positive, got " + bytes);
    }
    return new ReadOptions(maxNesting, bytes, timeout);
  }

  /**
   * How long the whole read may take, for a read from an {@code InputStream}; {@code null} for no
   * limit. See {@link StateReader#read(java.io.InputStream, ChunkRegistry, Duration)}.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public ReadOptions withTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    return new ReadOptions(maxNesting, allocationBudget, timeout);
  }

  /** The nesting limit: at most {@value #MAX_NESTING}. */
  public int maxNesting() {
    return maxNesting;
  }

  /** The allocation budget in bytes. */
  public long allocationBudget() {
    return allocationBudget;
  }

  /** The timeout of a whole read, or {@code null} for none. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReadOptions o
        && o.maxNesting == maxNesting
        && o.allocationBudget == allocationBudget
        && Objects.equals(o.timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxNesting, allocationBudget, timeout);
  }

  @Override
  public String toString() {
    return "ReadOptions[maxNesting=" + maxNesting + ", allocationBudget=" + allocationBudget
        + ", timeout=" + timeout + "]";
  }
}

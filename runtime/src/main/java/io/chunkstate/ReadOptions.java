package io.chunkstate;

import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one read: how deep sub-chunks may nest, how much the reader may allocate, how
 * large a stream, how many chunks and how large a decoded chunk it accepts, and how long the read
 * may take. Immutable; each {@code with…} method returns a copy. A limit passed is a {@code LIMIT}
 * error that names the limit (SPEC §5).
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.defaults()
 *     .withAllocationBudget(512L << 20)
 *     .withMaxChunkLength(64 << 20)
 *     .withTimeout(Duration.ofSeconds(30));
 * Snapshot snapshot = StateReader.read(in, registry, options);
 * }</pre>
 *
 * <p>The defaults are safe for input from an untrusted peer: the nesting limit of SPEC §4, an
 * allocation budget of a quarter of the heap the JVM may use ({@link Runtime#maxMemory()}), which
 * bounds what a read holds whatever the stream says, and no limit on a stream's total bytes, its
 * number of chunks, the length of a decoded chunk (up to the format's 2^31−1, within the budget)
 * or time. Memory is bounded by the budget alone, so those are for callers who know their streams:
 * a migration destination that knows how large a machine's state can be, a tool that reads only
 * small files. Only a read from an {@code InputStream} can stall, and only a timeout bounds that.
 */
public final class ReadOptions {
  /** The deepest sub-chunks may nest below their top-level chunk (SPEC §4): 64 levels. */
  public static final int MAX_NESTING = Limits.MAX_NESTING;

  private static final ReadOptions DEFAULTS =
      new ReadOptions(
          MAX_NESTING,
          Limits.defaultAllocationBudget(),
          Long.MAX_VALUE,
          Long.MAX_VALUE,
          (int) Framing.MAX_LENGTH,
          null);

  private final int maxNesting;
  private final long allocationBudget;
  private final long maxTotalBytes;
  private final long maxChunks;
  private final int maxChunkLength;
  private final Duration timeout;

  private ReadOptions(
      int maxNesting,
      long allocationBudget,
      long maxTotalBytes,
      long maxChunks,
      int maxChunkLength,
      Duration timeout) {
    this.maxNesting = maxNesting;
    this.allocationBudget = allocationBudget;
    this.maxTotalBytes = maxTotalBytes;
    this.maxChunks = maxChunks;
    this.maxChunkLength = maxChunkLength;
    this.timeout = timeout;
  }

  /** The safe defaults described above. */
  public static ReadOptions defaults() {
    return DEFAULTS;
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
    return new ReadOptions(
        levels, allocationBudget, maxTotalBytes, maxChunks, maxChunkLength, timeout);
  }

  /**
   * How many bytes of heap the reader may allocate: the chunk data it buffers and the states,
   * strings, arrays and lists it decodes, estimated on the high side. A whole read holds every
   * state it decodes, so the budget covers the stream; a {@link StateStream} holds one chunk at a
   * time, so there it covers each chunk. A stream that would need more fails with {@code LIMIT}
   * as soon as the estimate passes the budget, before the allocation.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public ReadOptions withAllocationBudget(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the allocation budget must be positive, got " + bytes);
    }
    return new ReadOptions(maxNesting, bytes, maxTotalBytes, maxChunks, maxChunkLength, timeout);
  }

  /**
   * How many bytes a stream may take, from its signature to the end of {@code CEND}: a chunk that
   * would end past them fails with {@code LIMIT} before its data is read.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public ReadOptions withMaxTotalBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the stream size limit must be positive, got " + bytes);
    }
    return new ReadOptions(maxNesting, allocationBudget, bytes, maxChunks, maxChunkLength, timeout);
  }

  /**
   * How many top-level chunks a stream may hold after {@code CHDR}, {@code CEND} and skipped ones
   * included: one more fails with {@code LIMIT}.
   *
   * @throws IllegalArgumentException if {@code chunks} is not positive
   */
  public ReadOptions withMaxChunks(long chunks) {
    if (chunks <= 0) {
      throw new IllegalArgumentException("the chunk count limit must be positive, got " + chunks);
    }
    return new ReadOptions(
        maxNesting, allocationBudget, maxTotalBytes, chunks, maxChunkLength, timeout);
  }

  /**
   * The longest data of a top-level chunk the reader will decode: a longer one fails with {@code
   * LIMIT} before its data is read. A chunk that is skipped is streamed through its CRC in
   * constant memory and needs no such limit, so this one does not apply to it.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public ReadOptions withMaxChunkLength(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("the chunk length limit cannot be negative: " + bytes);
    }
    return new ReadOptions(maxNesting, allocationBudget, maxTotalBytes, maxChunks, bytes, timeout);
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
    return new ReadOptions(
        maxNesting, allocationBudget, maxTotalBytes, maxChunks, maxChunkLength, timeout);
  }

  /** The nesting limit: at most {@value #MAX_NESTING}. */
  public int maxNesting() {
    return maxNesting;
  }

  /** The allocation budget in bytes. */
  public long allocationBudget() {
    return allocationBudget;
  }

  /** The most bytes a stream may take; {@link Long#MAX_VALUE} for no limit. */
  public long maxTotalBytes() {
    return maxTotalBytes;
  }

  /** The most top-level chunks a stream may hold; {@link Long#MAX_VALUE} for no limit. */
  public long maxChunks() {
    return maxChunks;
  }

  /** The longest chunk data the reader decodes; 2^31−1, the format's own limit, by default. */
  public int maxChunkLength() {
    return maxChunkLength;
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
        && o.maxTotalBytes == maxTotalBytes
        && o.maxChunks == maxChunks
        && o.maxChunkLength == maxChunkLength
        && Objects.equals(o.timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxNesting, allocationBudget, maxTotalBytes, maxChunks, maxChunkLength, timeout);
  }

  @Override
  public String toString() {
    return "ReadOptions[maxNesting=" + maxNesting + ", allocationBudget=" + allocationBudget
        + ", maxTotalBytes=" + maxTotalBytes + ", maxChunks=" + maxChunks + ", maxChunkLength="
        + maxChunkLength + ", timeout=" + timeout + "]";
  }
}

package io.chunkstate.internal;

import io.chunkstate.SkippedChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * What every reader of one stream shares: the allocation budget (a scope is the read's {@link
 * Budget}), where skipped chunks are recorded, and how deep sub-chunks may nest. One object, so
 * that a chunk read on its own costs one allocation for all three.
 */
public final class Scope extends Budget {
  private List<SkippedChunk> skipped;
  private final int maxDepth;
  private final CRC32 crc;

  /**
   * @param skipped where unknown ancillary chunks skipped at every depth are recorded, or null for
   *     a list made when the first one is recorded, or asked for
   * @param allocationBudget what the read may allocate
   * @param maxDepth how many levels sub-chunks may nest below their top-level chunk
   * @param crc the {@code CRC32} that checks sub-chunks: the stream's frame reader's, which checks
   *     a chunk before it is decoded, never while
   */
  public Scope(List<SkippedChunk> skipped, long allocationBudget, int maxDepth, CRC32 crc) {
    super(allocationBudget);
    this.skipped = skipped;
    this.maxDepth = maxDepth;
    this.crc = crc;
  }

  /**
   * A scope of its own, with the default limits, for a chunk read outside a stream: its list of
   * skipped chunks is made when the first one is recorded, or asked for.
   */
  public static Scope standalone() {
    return new Scope(null, Limits.defaultAllocationBudget(), Limits.MAX_NESTING, Framing.newCrc());
  }

  /**
   * Starts the scope over, for a reader kept from one chunk to the next that reads each as a read
   * of its own: nothing charged, nothing skipped. A list of skipped chunks handed out before is
   * left as it was.
   */
  public void startOver() {
    releaseAll();
    skipped = null;
  }

  /** The unknown ancillary chunks skipped so far, at every depth. */
  public List<SkippedChunk> skipped() {
    if (skipped == null) {
      skipped = new ArrayList<>();
    }
    return skipped;
  }

  /** The read's allocation budget: this scope. */
  public Budget budget() {
    return this;
  }

  /** The chunks skipped so far, without making a list if none was: then an empty one. */
  public List<SkippedChunk> skippedSoFar() {
    return skipped == null ? List.of() : skipped;
  }

  /** The one {@code CRC32} with which every reader of the stream checks its sub-chunks. */
  public CRC32 crc() {
    return crc;
  }

  /** How many levels sub-chunks may nest below their top-level chunk. */
  public int maxDepth() {
    return maxDepth;
  }
}

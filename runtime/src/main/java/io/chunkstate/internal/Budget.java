package io.chunkstate.internal;

/**
 * What one read may still allocate, shared by every reader of one stream. Readers charge an
 * estimate of each allocation before they make it, so that memory follows the input and stops at
 * the budget of {@link ReadOptions#allocationBudget()}.
 */
public sealed class Budget permits Scope, Budget.Named {
  /** An estimate of the heap bytes of the record of one skipped chunk, its path included. */
  public static final int SKIPPED_RECORD = 128;

  // No field of its own beyond these two: a read allocates one of these, as its Scope, per stream.
  // What is left, rather than what is used, so that a charge tests and changes one field.
  private final long limit;
  private long left;

  /** A read's budget of {@code limit} bytes, as {@code ReadOptions.withAllocationBudget} sets. */
  public Budget(long limit) {
    this.limit = limit;
    this.left = limit;
  }

  /**
   * A budget of {@code limit} bytes, which a caller raises with {@code raiseWith} (the API that
   * sets it, named in a {@code LIMIT} error).
   */
  public static Budget raisedWith(long limit, String raiseWith) {
    return new Named(limit, raiseWith);
  }

  /** The API that sets this budget, which a {@code LIMIT} error names. */
  String raiseWith() {
    return "ReadOptions.withAllocationBudget";
  }

  /**
   * Charges {@code bytes} and returns true, or returns false, charging nothing, if that would pass
   * the limit.
   */
  public boolean tryCharge(long bytes) {
    if (bytes > left) {
      return false;
    }
    left -= bytes;
    return true;
  }

  /** Gives back {@code bytes} charged earlier for memory that is no longer held. */
  public void release(long bytes) {
    left += bytes;
  }

  /** Gives back everything charged: for a budget that starts over with each chunk it covers. */
  public void releaseAll() {
    left = limit;
  }

  public long limit() {
    return limit;
  }

  public long used() {
    return limit - left;
  }

  /** The detail of a {@code LIMIT} error for an allocation of {@code bytes} that did not fit. */
  public String exceeded(long bytes, String what) {
    return what + " would take about " + bytes + " bytes, past the allocation budget of " + limit
        + " bytes (" + used() + " in use); raise it with " + raiseWith();
  }

  /** A budget that another API than a read's options sets. */
  static final class Named extends Budget {
    private final String raiseWith;

    Named(long limit, String raiseWith) {
      super(limit);
      this.raiseWith = raiseWith;
    }

    @Override
    String raiseWith() {
      return raiseWith;
    }
  }
}

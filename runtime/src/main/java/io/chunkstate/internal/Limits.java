package io.chunkstate.internal;

/** The format's limits and the safe defaults of a read's options. */
public final class Limits {
  /** The deepest sub-chunks may nest below their top-level chunk (SPEC §4). */
  public static final int MAX_NESTING = 64;

  // The heap's maximum is fixed when the JVM starts; asking for it is a native call.
  private static final long DEFAULT_ALLOCATION_BUDGET = Runtime.getRuntime().maxMemory() / 4;

  private Limits() {}

  /** The default allocation budget of a read: a quarter of the heap the JVM may use. */
  public static long defaultAllocationBudget() {
    return DEFAULT_ALLOCATION_BUDGET;
  }

  /** A scope of its own, with the default limits, for a chunk read outside a stream. */
  public static Scope defaultScope() {
    return Scope.standalone();
  }
}

package io.chunkstate.benchmarks;

/** Options of the forked benchmark JVMs. */
final class Jvm {
  /** Agrona 2, under SBE's buffers, reads memory through {@code jdk.internal.misc.Unsafe}. */
  static final String AGRONA = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

  private Jvm() {}
}

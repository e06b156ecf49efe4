package io.chunkstate.benchmarks.state;

/** How the benchmark device's receive path runs. */
public enum Mode {
  IDLE,
  FIFO,
  LOOPBACK
}

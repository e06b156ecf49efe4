package io.chunkstate.vectors;

/** An enum of the vectors. */
public enum Mode {
  OFF,
  ON
}

package io.chunkstate.conformance;

/** An enum whose constants the round trips pick at random. */
public enum Shade {
  LIGHT,
  DARK,
  ÜBER
}

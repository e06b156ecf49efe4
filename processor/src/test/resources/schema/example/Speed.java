package example;

import io.chunkstate.annotation.WireValue;

/** An enum by value: each constant declares the int it travels as. */
public enum Speed {
  @WireValue(0) DOWN,
  @WireValue(100) FAST,
  @WireValue(1000) GBIT
}

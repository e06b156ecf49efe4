package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import java.util.Arrays;

/**
 * The seed of a random number generator. Ancillary ({@code r}): a destination that does not know
 * it skips it and reseeds from its own entropy, which changes nothing the guest may rely on.
 */
@Chunk("rnSd")
public record RngSeed(byte[] seed) {
  @Override
  public boolean equals(Object other) {
    return other instanceof RngSeed s && Arrays.equals(seed, s.seed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(seed);
  }

  @Override
  public String toString() {
    return "RngSeed[" + (seed == null ? "no" : seed.length) + " bytes]";
  }
}

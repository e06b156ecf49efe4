package io.chunkstate.testing;

import java.util.SplittableRandom;

/**
 * Runs a property over many random cases. Each case gets its own {@link Generator}, made from the
 * run's seed and the case's index, so a failure can be replayed exactly: its message gives the
 * seed and the index, and {@code -Dchunkstate.seed=S} (with {@code -Dchunkstate.case=I} to run that
 * one case alone) makes the same values again. Without {@code chunkstate.seed}, each run picks a
 * new seed, so that successive builds try different cases.
 */
public final class PropertyCheck {
  /** The system property that fixes the seed. */
  public static final String SEED = "chunkstate.seed";
  /** The system property that runs only the case with this index. */
  public static final String CASE = "chunkstate.case";

  private static final long RUN_SEED =
      Long.getLong(SEED, new SplittableRandom().nextLong());

  private PropertyCheck() {}

  /** One case of a property. */
  @FunctionalInterface
  public interface Case {
    void check(Generator gen) throws Exception;
  }

  /** The seed of this run. */
  public static long seed() {
    return RUN_SEED;
  }

  /**
   * Checks {@code property} on {@code cases} random cases.
   *
   * @throws AssertionError for the first case that fails, naming the property, the seed and the
   *     case index, with the failure as its cause
   */
  public static void forAll(String property, int cases, Case check) {
    Integer only = Integer.getInteger(CASE);
    for (int i = 0; i < cases; i++) {
      if (only != null && only != i) {
        continue;
      }
      try {
        check.check(generator(i));
      } catch (Exception | AssertionError e) {
        throw new AssertionError(
            property + " fails for case " + i + " of seed " + RUN_SEED + " (replay with -D"
                + SEED + "=" + RUN_SEED + " -D" + CASE + "=" + i + "): " + e,
            e);
      }
    }
  }

  /** The generator of case {@code index} of this run. */
  public static Generator generator(int index) {
    // Mixed, so that neighbouring cases do not share a sequence of values.
    long z = RUN_SEED + 0x632be59bd9b4e019L * (index + 1L);
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return new Generator(z ^ (z >>> 33));
  }
}

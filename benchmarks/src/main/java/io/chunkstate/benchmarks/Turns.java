package io.chunkstate.benchmarks;

import java.util.Arrays;

/**
 * Times two sides of a comparison in turns in one JVM, as {@link PairedReads} and {@link
 * PairedWrites} do: twenty rounds to warm up, then thirty rounds each timing one side and then
 * the other, so that a stretch in which the machine runs slower falls on both sides of every
 * round's ratio.
 */
final class Turns {
  private static final int ROUNDS = 30;
  private static final int WARM_UP_ROUNDS = 20;

  /** One side: the nanoseconds that {@code times} runs of it take. */
  interface Side {
    long nanos(int times) throws Exception;
  }

  /** The medians of the rounds: each side's nanoseconds a run, and their ratio. */
  record Result(double ours, double theirs, double ratio, double lowest, double highest) {
    /** The line the paired measurements print, for a run of {@code what} on each side. */
    String line(String what, String ourSide, String unit) {
      return String.format(
          "%s: %s %.1f ns, hand-written %.1f ns a %s (medians of %d rounds);"
              + " median ratio %.3f (rounds from %.3f to %.3f)",
          what, ourSide, ours, theirs, unit, ROUNDS, ratio, lowest, highest);
    }
  }

  private Turns() {}

  /**
   * As {@link #compare}, with as many runs a round as make the slower side take about {@code
   * nanosPerRound}. The runs are found by doubling them while both sides run in turns, for two
   * seconds at least, so that the JIT has compiled both before the runs are counted.
   */
  static Result compareFor(Side ours, Side theirs, long nanosPerRound) throws Exception {
    int times = 1;
    long started = System.nanoTime();
    while (System.nanoTime() - started < 2_000_000_000L) {
      long slower = Math.max(ours.nanos(times), theirs.nanos(times));
      if (slower < nanosPerRound && times < (1 << 24)) {
        times *= 2;
      }
    }
    return compare(ours, theirs, times);
  }

  static Result compare(Side ours, Side theirs, int times) throws Exception {
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      ours.nanos(times);
      theirs.nanos(times);
    }
    double[] oursAt = new double[ROUNDS];
    double[] theirsAt = new double[ROUNDS];
    double[] ratios = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      oursAt[i] = ours.nanos(times) / (double) times;
      theirsAt[i] = theirs.nanos(times) / (double) times;
      ratios[i] = oursAt[i] / theirsAt[i];
    }
    Arrays.sort(oursAt);
    Arrays.sort(theirsAt);
    Arrays.sort(ratios);
    return new Result(
        oursAt[ROUNDS / 2], theirsAt[ROUNDS / 2], ratios[ROUNDS / 2], ratios[0], ratios[ROUNDS - 1]);
  }
}

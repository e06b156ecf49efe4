package io.chunkstate.machine.demo;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The measurements of docs/PERFORMANCE.md's live-migration section, between the two machine jars
 * as {@code -Xmx256m} processes on loopback: the throughput of migrating 1 GiB that nothing
 * dirties against a plain socket copy of as many bytes in the same run, and the pause of a
 * migration while the workload dirties memory, for 256 MiB and 1 GiB. Each is run {@code REPEATS}
 * times and the best kept, as the machine may be shared: for the throughput, the run whose
 * migration came closest to its own floor.
 *
 * <p>Arguments: {@code machine-v1.jar machine-v2.jar REPEATS [DIRTY_MIB_PER_S]}.
 */
public final class MigrationBenchmark {
  private MigrationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path v1 = Path.of(args[0]);
    Path v2 = Path.of(args[1]);
    int repeats = Integer.parseInt(args[2]);
    String dirty = args.length > 3 ? args[3] : "64";
    long gib = 1L << 30;

    double bestRatio = 0;
    double floor = 0;
    double migration = 0;
    long migrationBytes = 0;
    for (int i = 0; i < repeats; i++) {
      double runFloor = gib / (SocketCopyFloor.copy(gib) / 1e9);
      MigrationRun run = new Migration(v1, v2, line -> {}).timeoutSeconds(60)
          .sourceOptions("--memory-mib", "1024").run();
      require(run);
      long[] stats = run.sourceStats();
      double rate = gib / (stats[4] / 1e3);
      System.err.printf(Locale.ROOT, "run %d: floor %.0f MiB/s, migration %.0f MiB/s (%d ms)%n",
          i + 1, runFloor / (1 << 20), rate / (1 << 20), stats[4]);
      if (rate / runFloor > bestRatio) {
        bestRatio = rate / runFloor;
        floor = runFloor;
        migration = rate;
        migrationBytes = stats[0];
      }
    }
    System.out.println("| measurement | best of " + repeats + " |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| plain socket copy of 1 GiB (the floor) | %.0f MiB/s |%n",
        floor / (1 << 20));
    System.out.printf(Locale.ROOT,
        "| migration of 1 GiB, nothing dirtied (%d bytes on the wire), in the same run"
            + " | %.0f MiB/s, %.0f%% of the floor |%n",
        migrationBytes, migration / (1 << 20), 100 * migration / floor);
    for (String mib : new String[] {"256", "1024"}) {
      long bestPause = Long.MAX_VALUE;
      long[] best = null;
      for (int i = 0; i < repeats; i++) {
        MigrationRun run = new Migration(v1, v2, line -> {}).timeoutSeconds(60)
            .sourceOptions("--memory-mib", mib, "--dirty-mib-per-s", dirty).run();
        require(run);
        long[] stats = run.sourceStats();
        System.err.printf(Locale.ROOT, "%s MiB dirtied at %s MiB/s: paused %d ms, %d rounds%n",
            mib, dirty, stats[3], stats[2]);
        if (stats[3] < bestPause) {
          bestPause = stats[3];
          best = stats;
        }
      }
      System.out.printf(Locale.ROOT,
          "| pause, %s MiB dirtied at %s MiB/s"
              + " | %d ms after %d rounds, %.0f MiB sent in %.1f s |%n",
          mib, dirty, best[3], best[2], best[0] / 1048576.0, best[4] / 1e3);
    }
  }

  private static void require(MigrationRun run) {
    if (!run.sourceOutcome().equals("OUTCOME stopped") || !run.violations().isEmpty()) {
      throw new IllegalStateException("the migration did not succeed: " + run.sourceOutcome()
          + " " + run.violations() + " " + run.sourceErr());
    }
  }
}

package io.chunkstate.machine.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Many migrations between the two machine jars as processes, each through a proxy that cuts the
 * connection at a random byte in either direction (or not at all), with random versions, dirtying
 * rates and feature use. It counts the outcomes and checks every run's invariants ({@link
 * MigrationRun#violations()}); it exits 1 if any run breaks one.
 *
 * <p>Arguments: {@code machine-v1.jar machine-v2.jar TRIALS [SEED]}. See samples/machine-faults.sh.
 */
public final class FaultTrials {
  private FaultTrials() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: FaultTrials machine-v1.jar machine-v2.jar TRIALS [SEED]");
      System.exit(2);
    }
    Path[] jars = {Path.of(args[0]), Path.of(args[1])};
    int trials = Integer.parseInt(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    System.out.println("fault trials: " + trials + " migrations between processes, seed " + seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> faults = new TreeMap<>();
    List<String> broken = new ArrayList<>();
    long started = System.nanoTime();
    for (int trial = 1; trial <= trials; trial++) {
      int from = random.nextInt(2);
      int to = random.nextInt(2);
      List<String> options = new ArrayList<>(List.of("--memory-mib", "8",
          "--dirty-mib-per-s", Integer.toString(new int[] {0, 2, 8}[random.nextInt(3)])));
      if (from == 1 && random.nextInt(5) == 0) {
        options.add("--use-feature");
      }
      Migration migration = new Migration(jars[from], jars[to], line -> {})
          .timeoutSeconds(3)
          .sourceOptions(options.toArray(String[]::new));
      String fault;
      switch (random.nextInt(10)) {
        case 0 -> fault = "none";
        case 1, 2, 3 -> {
          long at = random.nextLong(1300); // a clean run sends about 900 to 1200 bytes back
          migration.cut(CuttingProxy.Direction.DOWNSTREAM, at);
          fault = "cut downstream";
        }
        default -> {
          long at = random.nextLong(9L << 20); // 8 MiB of pages and the messages around them
          migration.cut(CuttingProxy.Direction.UPSTREAM, at);
          fault = "cut upstream";
        }
      }
      MigrationRun run = migration.run();
      if (!fault.equals("none") && !run.cut()) {
        fault += " (after the end)";
      }
      String source = MigrationRun.state(run.sourceOutcome());
      if (run.resumed().isPresent()) {
        source += " (resumed)";
      } else if (source.equals("running")) {
        source += " (never paused)";
      }
      String outcome = source + " / " + MigrationRun.state(run.destinationOutcome());
      outcomes.merge(outcome, 1, Integer::sum);
      faults.merge(fault, 1, Integer::sum);
      String label = String.format("trial %d: v%d -> v%d %s, %s: %s", trial, from + 1, to + 1,
          options, fault, outcome);
      System.out.println(label);
      for (String violation : run.violations()) {
        broken.add(label + ": " + violation);
        System.out.println("  BROKEN: " + violation);
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println();
    System.out.println("faults (" + trials + " trials, " + seconds + " s):");
    faults.forEach((k, v) -> System.out.printf("  %-36s %d%n", k, v));
    System.out.println("outcomes, source / destination:");
    outcomes.forEach((k, v) -> System.out.printf("  %-36s %d%n", k, v));
    System.out.println("broken invariants: " + broken.size());
    broken.forEach(b -> System.out.println("  " + b));
    System.exit(broken.isEmpty() ? 0 : 1);
  }
}

package io.chunkstate.machine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live-migration demo: four migrations between two processes on loopback, each with its
 * progress, and a table of how they ended. Arguments: the two machine jars.
 *
 * <pre>mvn -B -q -pl samples/machine-demo -am verify -DskipTests -Pdemo</pre>
 */
public final class Demo {
  private Demo() {}

  private record Case(String name, Path source, Path destination, Migration migration) {}

  private record Row(String name, MigrationRun run) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Demo machine-v1.jar machine-v2.jar");
      System.exit(2);
    }
    Path v1 = Path.of(args[0]);
    Path v2 = Path.of(args[1]);
    for (Path jar : List.of(v1, v2)) {
      if (!Files.isRegularFile(jar)) {
        System.err.println("no " + jar + ": build it with mvn -B -q -pl samples/machine-demo -am"
            + " verify -DskipTests");
        System.exit(2);
      }
    }
    String[] running = {"--memory-mib", "64", "--dirty-mib-per-s", "16"};
    List<Case> cases = List.of(
        new Case("v1 -> v2", v1, v2, new Migration(v1, v2, Demo::relay).sourceOptions(running)),
        new Case("v2 -> v1, feature unused", v2, v1,
            new Migration(v2, v1, Demo::relay).sourceOptions(running)),
        new Case("v2 -> v1, feature in use", v2, v1,
            new Migration(v2, v1, Demo::relay).sourceOptions(
                "--memory-mib", "64", "--dirty-mib-per-s", "16", "--use-feature")),
        new Case("v1 -> v2, cut mid-transfer", v1, v2,
            new Migration(v1, v2, Demo::relay).sourceOptions(running)
                .cut(CuttingProxy.Direction.UPSTREAM, 24L << 20)));
    List<Row> rows = new ArrayList<>();
    boolean broken = false;
    for (Case c : cases) {
      System.out.println();
      System.out.println("== " + c.name() + ": source " + c.source().getFileName()
          + ", destination " + c.destination().getFileName());
      MigrationRun run = c.migration().timeoutSeconds(10).run();
      for (String line : run.sourceOut()) {
        System.out.println("   source printed      " + abbreviate(line));
      }
      for (String line : run.destinationOut()) {
        System.out.println("   destination printed " + abbreviate(line));
      }
      System.out.println("   exits: source " + run.sourceExit() + ", destination "
          + run.destinationExit());
      for (String violation : run.violations()) {
        System.out.println("   BROKEN: " + violation);
        broken = true;
      }
      rows.add(new Row(c.name(), run));
    }
    System.out.println();
    System.out.println(table(rows));
    if (broken) {
      System.exit(1);
    }
  }

  private static void relay(String line) {
    System.out.println("   | " + line);
  }

  /** The digests shortened to 12 digits, enough to compare by eye. */
  private static String abbreviate(String line) {
    return line.replaceAll("=([0-9a-f]{12})[0-9a-f]{52}", "=$1…");
  }

  private static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-28s %-8s %-44s %10s %6s %6s %9s%n",
        "case", "source", "destination", "bytes", "chunks", "rounds", "paused"));
    for (Row row : rows) {
      MigrationRun run = row.run();
      long[] stats = run.sourceStats();
      String destination = run.destinationOutcome().replaceFirst("^OUTCOME ", "");
      if (destination.length() > 44) {
        destination = destination.substring(0, 43) + "…";
      }
      out.append(String.format(Locale.ROOT, "%-28s %-8s %-44s %10d %6d %6d %6d ms%n",
          row.name(), MigrationRun.state(run.sourceOutcome()), destination,
          stats[0], stats[1], stats[2], stats[3]));
      List<String> skipped = run.destinationSkipped();
      if (!skipped.isEmpty()) {
        out.append("    the destination ").append(skipped.get(skipped.size() - 1)
            .replaceFirst("^.*?: ", "")).append(System.lineSeparator());
      }
    }
    return out.toString();
  }
}

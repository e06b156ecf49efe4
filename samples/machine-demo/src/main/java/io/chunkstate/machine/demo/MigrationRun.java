package io.chunkstate.machine.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the two processes of a migration printed and how they exited, and the checks of the
 * migration's invariants: exactly one side runs, or the source is in doubt and the destination
 * knows; a resumed source is as it was paused; a running destination holds the memory the source
 * paused with. Through a proxy, whether it cut the connection and the bytes it forwarded each way
 * (-1 without a proxy).
 */
public record MigrationRun(
    List<String> sourceOut,
    int sourceExit,
    List<String> sourceErr,
    List<String> destinationOut,
    int destinationExit,
    List<String> destinationErr,
    boolean cut,
    long upstreamBytes,
    long downstreamBytes) {
  private static final Pattern DIGESTS = Pattern.compile("mem=([0-9a-f]{64}) dev=([0-9a-f]{64})");
  private static final Pattern STATS = Pattern.compile(
      "STATS bytes=(\\d+) chunks=(\\d+) rounds=(\\d+) paused-ms=(\\d+) total-ms=(\\d+)"
          + " skipped=(\\d+)");

  /** The source's last {@code OUTCOME} line, without the digests. */
  public String sourceOutcome() {
    return outcome(sourceOut);
  }

  /** The destination's last {@code OUTCOME} line, without the digests. */
  public String destinationOutcome() {
    return outcome(destinationOut);
  }

  /** The first word after {@code OUTCOME}: stopped, running, in-doubt, not-running, or none. */
  public static String state(String outcome) {
    String[] words = outcome.split(" ");
    return words.length > 1 ? words[1] : "none";
  }

  /** The source's {@code PAUSED} line. */
  public Optional<String> paused() {
    return line(sourceOut, "PAUSED ");
  }

  /** The source's {@code RESUMED} line. */
  public Optional<String> resumed() {
    return line(sourceOut, "RESUMED ");
  }

  /** The {@code mem} digest of {@code line}. */
  public static Optional<String> mem(String line) {
    Matcher m = DIGESTS.matcher(line);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The {@code dev} digest of {@code line}. */
  public static Optional<String> dev(String line) {
    Matcher m = DIGESTS.matcher(line);
    return m.find() ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** The source's summary: bytes, chunks, rounds, paused-ms, total-ms, skipped; or zeros. */
  public long[] sourceStats() {
    return stats(sourceErr);
  }

  /** The chunks the destination logged as skipped. */
  public List<String> destinationSkipped() {
    List<String> skipped = new ArrayList<>();
    for (String line : destinationErr) {
      if (line.contains("skipped ancillary chunk")) {
        skipped.add(line);
      }
    }
    return skipped;
  }

  /** Every invariant this run breaks; empty when it holds them all. */
  public List<String> violations() {
    List<String> broken = new ArrayList<>();
    String src = state(sourceOutcome());
    String dst = state(destinationOutcome());
    switch (src + "/" + dst) {
      case "stopped/running", "running/not-running", "in-doubt/running", "in-doubt/not-running" ->
          {}
      case "stopped/not-running" ->
          broken.add("lost machine: the source stopped and the destination does not run");
      case "running/running" -> broken.add("split brain: both sides run");
      default -> broken.add("undefined outcome: source '" + sourceOutcome() + "', destination '"
          + destinationOutcome() + "'");
    }
    int wantSource = switch (src) {
      case "stopped", "running" -> 0;
      case "in-doubt" -> 3;
      default -> -1;
    };
    if (sourceExit != wantSource) {
      broken.add("source exit " + sourceExit + " after '" + sourceOutcome() + "'");
    }
    int wantDestination = dst.equals("running") ? 0 : 1;
    if (destinationExit != wantDestination) {
      broken.add("destination exit " + destinationExit + " after '" + destinationOutcome() + "'");
    }
    Optional<String> paused = paused();
    if (dst.equals("running")) {
      String want = paused.flatMap(MigrationRun::mem).orElse("(no PAUSED line)");
      if (!mem(last(destinationOut, "OUTCOME ")).orElse("").equals(want)) {
        broken.add("the destination runs with memory " + mem(last(destinationOut, "OUTCOME "))
            + " but the source paused with " + want);
      }
    }
    if (resumed().isPresent()) {
      if (paused.isEmpty() || !digests(resumed().get()).equals(digests(paused.get()))) {
        broken.add("the source resumed changed: " + resumed().get() + " after " + paused);
      }
    }
    if (src.equals("running") && paused.isPresent() && resumed().isEmpty()) {
      broken.add("the source paused and runs again without a RESUMED line");
    }
    if ((src.equals("stopped") || src.equals("in-doubt")) && paused.isEmpty()) {
      broken.add("the source ended '" + src + "' without a PAUSED line");
    }
    for (String line : sourceOut) {
      if (!line.matches("(PAUSED|RESUMED) mem=[0-9a-f]{64} dev=[0-9a-f]{64}")
          && !line.matches(
              "OUTCOME (stopped|running mem=[0-9a-f]{64} dev=[0-9a-f]{64}|in-doubt .+)")) {
        broken.add("the source printed a line it must not: '" + line + "'");
      }
    }
    for (String line : destinationOut) {
      if (!line.matches("LISTENING \\d+")
          && !line.matches("OUTCOME (running mem=[0-9a-f]{64} dev=[0-9a-f]{64}|not-running .+)")) {
        broken.add("the destination printed a line it must not: '" + line + "'");
      }
    }
    return broken;
  }

  private static String digests(String line) {
    Matcher m = DIGESTS.matcher(line);
    return m.find() ? m.group() : "";
  }

  private static String outcome(List<String> lines) {
    String line = last(lines, "OUTCOME ");
    Matcher m = DIGESTS.matcher(line);
    return m.find() ? line.substring(0, m.start()).strip() : line;
  }

  private static String last(List<String> lines, String prefix) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return lines.get(i);
      }
    }
    return "";
  }

  private static Optional<String> line(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
  }

  private static long[] stats(List<String> err) {
    long[] values = new long[6];
    for (String line : err) {
      Matcher m = STATS.matcher(line);
      if (m.find()) {
        for (int i = 0; i < values.length; i++) {
          values[i] = Long.parseLong(m.group(i + 1));
        }
      }
    }
    return values;
  }
}

package io.chunkstate.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chunkstate.migration.FaultProxy.Direction;
import io.chunkstate.migration.FaultProxy.Fault;
import io.chunkstate.migration.FaultProxy.Harm;
import io.chunkstate.migration.TestMachine.Destination;
import io.chunkstate.migration.TestMachine.Source;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Migrations through a proxy that cuts the connection at every message boundary and at random
 * bytes in either direction, corrupts single bytes and stalls, and destinations that refuse at
 * pre-flight or fail at restore. Whatever happens, exactly one side runs, or the source is in
 * doubt and the destination knows whether it runs; a source that resumes is as it was when it
 * paused; a destination that runs holds the source's memory and devices at the pause.
 *
 * <p>{@code -Dchunkstate.faults.seed=N} changes the random trials, {@code
 * -Dchunkstate.faults.trials=N} their number (300 by default).
 */
class FaultInjectionTest {
  private static final int PAGE = 4096;
  private static final int PAGES = 128;
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  /** What a trial does besides the proxy's harm. */
  enum Peer {
    WILLING,
    REFUSING,
    FAILING_RESTORE
  }

  record Trial(Fault fault, Peer peer) {
    @Override
    public String toString() {
      return fault + (peer == Peer.WILLING ? "" : ", destination " + peer);
    }
  }

  /** What a trial recorded. */
  record Result(
      Trial trial,
      SourceOutcome source,
      DestinationOutcome destination,
      Source sourceMachine,
      Destination destinationMachine,
      boolean harmed) {}

  @Test
  void everyFaultEndsWithExactlyOneMachineRunningOrASourceInDoubt() throws Exception {
    long seed = Long.getLong("chunkstate.faults.seed", 14);
    int count = Integer.getInteger("chunkstate.faults.trials", 300);
    Random random = new Random(seed);

    Result clean;
    List<byte[]> traffic = new ArrayList<>();
    try (Harness harness = new Harness(new Trial(Fault.NONE, Peer.WILLING), seed)) {
      clean = harness.run();
      traffic.add(harness.proxy.recorded(Direction.TO_DESTINATION));
      traffic.add(harness.proxy.recorded(Direction.TO_SOURCE));
    }
    check(clean);
    assertEquals(SourceOutcome.State.STOPPED, clean.source().state(), clean.source().reason());

    List<Trial> trials = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      int messages = FaultProxy.boundaries(traffic.get(direction.ordinal())).size();
      for (int message = 0; message < messages; message++) {
        for (long delta : new long[] {0, -1}) {
          trials.add(
              new Trial(Fault.afterMessage(Harm.CUT, direction, message, delta), Peer.WILLING));
        }
      }
    }
    trials.add(new Trial(Fault.NONE, Peer.REFUSING));
    trials.add(new Trial(Fault.NONE, Peer.FAILING_RESTORE));
    while (trials.size() < count) {
      trials.add(randomTrial(random, traffic));
    }

    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> harms = new TreeMap<>();
    long start = System.nanoTime();
    int index = 0;
    for (Trial trial : trials) {
      Result result;
      try (Harness harness = new Harness(trial, seed + ++index)) {
        result = harness.run();
      }
      check(result);
      outcomes.merge(label(result), 1, Integer::sum);
      harms.merge(trial.fault().harm() + " " + trial.peer(), 1, Integer::sum);
      if (trial.fault().harm() != Harm.NONE && !result.harmed()) {
        harms.merge("(the session ended before the harm's byte)", 1, Integer::sum);
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    StringBuilder report =
        new StringBuilder("Migration fault injection: ")
            .append(trials.size())
            .append(" trials, seed ")
            .append(seed)
            .append(", ")
            .append(seconds)
            .append(" s\n");
    harms.forEach((k, v) -> report.append("  trials  ").append(k).append(": ").append(v).append('\n'));
    outcomes.forEach(
        (k, v) -> report.append("  outcome ").append(k).append(": ").append(v).append('\n'));
    System.out.print(report);
    assertTrue(trials.size() >= count);
    assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("in-doubt")), report.toString());
    assertTrue(outcomes.containsKey("resumed / not-running"), report.toString());
    assertTrue(outcomes.containsKey("stopped / running"), report.toString());
  }

  private static Trial randomTrial(Random random, List<byte[]> traffic) {
    int pick = random.nextInt(100);
    Direction direction = random.nextInt(4) == 0 ? Direction.TO_SOURCE : Direction.TO_DESTINATION;
    long length = traffic.get(direction.ordinal()).length;
    Fault at;
    if (random.nextBoolean()) {
      at = Fault.at(Harm.NONE, direction, (long) (random.nextDouble() * length * 0.9), 0);
    } else {
      // Within the first bytes of a message, where its header and control chunks are.
      int message = random.nextInt(FaultProxy.boundaries(traffic.get(direction.ordinal())).size());
      long into = random.nextInt(120);
      at =
          message == 0
              ? Fault.at(Harm.NONE, direction, into, 0)
              : new Fault(Harm.NONE, direction, into, 0, message - 1);
    }
    if (pick < 3) {
      return new Trial(Fault.NONE, Peer.REFUSING);
    }
    if (pick < 6) {
      return new Trial(Fault.NONE, Peer.FAILING_RESTORE);
    }
    Harm harm = pick < 50 ? Harm.CUT : pick < 88 ? Harm.CORRUPT : Harm.STALL;
    return new Trial(
        new Fault(harm, direction, at.offset(), 1 + random.nextInt(255), at.message()),
        Peer.WILLING);
  }

  private static String label(Result r) {
    String source =
        switch (r.source().state()) {
          case STOPPED -> "stopped";
          case IN_DOUBT -> "in-doubt";
          case RUNNING -> r.sourceMachine().pauses() == 0 ? "running, never paused" : "resumed";
        };
    return source + " / " + (r.destination().running() ? "running" : "not-running");
  }

  /** The promises of the session, for one trial. */
  private static void check(Result r) {
    String what = r.trial() + ": source " + r.source().state() + " (" + r.source().reason()
        + "), destination " + (r.destination().running() ? "running" : "not running")
        + " (" + r.destination().reason() + ")";
    Source source = r.sourceMachine();
    Destination destination = r.destinationMachine();
    assertEquals(r.destination().running(), destination.started, what);
    assertTrue(destination.starts() <= 1, what);
    switch (r.source().state()) {
      case STOPPED -> {
        assertTrue(r.destination().running(), "split: the source stopped, nothing runs; " + what);
        assertEquals(0, source.resumes(), what);
      }
      case RUNNING -> {
        assertFalse(r.destination().running(), "split brain: " + what);
        assertTrue(source.pauses() == source.resumes(), what);
        if (source.pauses() > 0) {
          assertEquals(source.atPause, source.atResume, "the source changed while paused; " + what);
        }
      }
      case IN_DOUBT -> {
        assertEquals(1, source.pauses(), what);
        assertEquals(0, source.resumes(), "a source in doubt resumed; " + what);
      }
      default -> fail(what);
    }
    if (r.destination().running()) {
      assertEquals(source.atPause, destination.state(), "the destination differs; " + what);
    }
    if (r.trial().peer() == Peer.REFUSING) {
      assertEquals(0, source.pauses(), what);
      assertFalse(r.source().findings().isEmpty(), what);
    }
    if (r.trial().peer() == Peer.FAILING_RESTORE && r.trial().fault().harm() == Harm.NONE) {
      assertTrue(r.source().remoteError().isPresent(), what);
      assertEquals("RESTORE", r.source().remoteError().get().kind(), what);
    }
  }

  /** One trial: a running source, a destination, and the proxy between them. */
  private static final class Harness implements AutoCloseable {
    private final Trial trial;
    private final Source source;
    private final Destination destination;
    private final Loopback.Listening listening;
    final FaultProxy proxy;

    Harness(Trial trial, long seed) throws IOException {
      this.trial = trial;
      this.source = new Source(1, PAGE, PAGES, false, seed).run(300);
      int pages = trial.peer() == Peer.REFUSING ? PAGES + 1 : PAGES;
      this.destination =
          new Destination(1, PAGE, pages, trial.peer() == Peer.FAILING_RESTORE);
      this.listening =
          new Loopback.Listening(
              MigrationDestination.builder(destination.registry)
                  .producer("test destination")
                  .timeout(TIMEOUT)
                  .build(),
              destination);
      this.proxy = new FaultProxy(listening.port(), trial.fault());
    }

    Result run() {
      SourceOutcome out =
          MigrationSource.builder(source.registry)
              .producer("test source")
              .timeout(TIMEOUT)
              .downtimeTarget(Duration.ofNanos(1))
              .maxRounds(2)
              .build()
              .migrate(source, Loopback.connect(proxy.port()));
      DestinationOutcome in = listening.await();
      source.stopWorkload();
      return new Result(trial, out, in, source, destination, proxy.harmed());
    }

    @Override
    public void close() throws IOException {
      source.stopWorkload();
      proxy.close();
      listening.close();
    }
  }
}

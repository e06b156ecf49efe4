package io.chunkstate.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.migration.Loopback.Outcomes;
import io.chunkstate.migration.TestMachine.Destination;
import io.chunkstate.migration.TestMachine.Source;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.SkippedChunk;
import io.chunkstate.Snapshot;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole migrations between two versions of the test machine, over loopback. */
class MigrationSessionTest {
  private static final int PAGE = 4096;
  private static final int PAGES = 512;

  private static MigrationSource source(int version, MigrationListener listener) {
    return MigrationSource.builder(TestMachine.registry(version))
        .producer("test v" + version)
        .timeout(Duration.ofSeconds(5))
        .downtimeTarget(Duration.ofMillis(50))
        .listener(listener)
        .build();
  }

  private static MigrationDestination destination(int version) {
    return MigrationDestination.builder(TestMachine.registry(version))
        .producer("test v" + version)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  /** A listener that runs {@code failure}, which throws, when it hears of phase {@code at}. */
  private static MigrationListener failingAt(MigrationListener.Phase at, Runnable failure) {
    return new MigrationListener() {
      @Override
      public void phase(Phase phase) {
        if (phase == at) {
          failure.run();
        }
      }
    };
  }

  @Test
  void aRunningMachineMovesWholeAndTheSourceStops() throws IOException {
    Source machine = new Source(1, PAGE, PAGES, false, 1).run(20);
    Destination target = new Destination(2, PAGE, PAGES, false);
    List<MigrationListener.Progress> progress = new ArrayList<>();
    List<MigrationListener.Phase> phases = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void phase(Phase phase) {
            phases.add(phase);
          }

          @Override
          public void progress(Progress p) {
            progress.add(p);
          }
        };
    Outcomes out = Loopback.migrate(source(1, listener), machine, destination(2), target);

    assertEquals(SourceOutcome.State.STOPPED, out.source().state(), out.source().reason());
    assertTrue(out.destination().running(), out.destination().reason());
    assertEquals(1, target.starts());
    assertEquals(0, machine.resumes());
    assertEquals(machine.atPause, target.state());
    assertEquals(
        List.of(
            MigrationListener.Phase.PRE_FLIGHT,
            MigrationListener.Phase.BULK,
            MigrationListener.Phase.SWITCH_OVER,
            MigrationListener.Phase.COMMIT,
            MigrationListener.Phase.DONE),
        phases);
    assertTrue(progress.get(0).pages() >= PAGES, progress.toString());
    assertEquals(1, progress.get(0).round());
    MigrationStats stats = out.source().stats();
    assertTrue(stats.bytes() > (long) PAGE * PAGES, stats.toString());
    assertTrue(stats.rounds() >= 1 && stats.rounds() <= 30, stats.toString());
    assertEquals(stats.rounds(), out.destination().stats().rounds());
    assertTrue(stats.paused().compareTo(Duration.ZERO) > 0, stats.toString());
    assertEquals(
        stats.bytes(),
        out.destination().stats().bytes(),
        "every byte the source sent was read by the destination");
    assertEquals(stats.chunks(), out.destination().stats().chunks());
  }

  /** A destination started without memory, which maps what the offer says, up to a limit. */
  private static final class Sized implements DestinationMachine {
    private final long most;
    Destination target;

    Sized(long most) {
      this.most = most;
    }

    @Override
    public void prepare(int pageSize, long pageCount) throws IOException {
      if (pageCount > most) {
        throw new IOException("at most " + most + " pages fit");
      }
      target = new Destination(1, pageSize, (int) pageCount, false);
    }

    @Override
    public GuestMemory memory() {
      return target.memory();
    }

    @Override
    public void restore(Snapshot devices) throws ChunkStreamException, RestoreException {
      target.restore(devices);
    }

    @Override
    public void start() {
      target.start();
    }
  }

  @Test
  void aDestinationSizesItsMemoryToTheOffer() throws IOException {
    Source machine = new Source(1, PAGE, PAGES, false, 4).run(20);
    Sized sized = new Sized(PAGES);
    Outcomes out =
        Loopback.migrate(source(1, new MigrationListener() {}), machine, destination(1), sized);

    assertEquals(SourceOutcome.State.STOPPED, out.source().state(), out.source().reason());
    assertTrue(out.destination().running(), out.destination().reason());
    assertEquals(PAGES, sized.target.memory().pageCount());
    assertEquals(machine.atPause, sized.target.state());
  }

  @Test
  void aDestinationThatCannotHoldTheMemoryRefusesAtPreFlight() throws IOException {
    Source machine = new Source(1, PAGE, PAGES, false, 5).run(20);
    Sized sized = new Sized(PAGES - 1);
    Outcomes out =
        Loopback.migrate(source(1, new MigrationListener() {}), machine, destination(1), sized);
    machine.stopWorkload();

    assertEquals(SourceOutcome.State.RUNNING, out.source().state());
    assertEquals(0, machine.pauses());
    assertFalse(out.destination().running());
    assertTrue(
        out.source().findings().stream()
            .anyMatch(
                f -> f.isBreaking()
                    && f.rule().equals("memory-geometry")
                    && f.message().contains("at most " + (PAGES - 1) + " pages fit")),
        out.source().findings().toString());
    assertNull(sized.target);
  }

  @Test
  void aNewFeatureInUseIsRefusedAtPreFlightAndTheSourceNeverPauses() throws IOException {
    Source machine = new Source(2, PAGE, PAGES, true, 2).run(50);
    Destination target = new Destination(1, PAGE, PAGES, false);
    Outcomes out =
        Loopback.migrate(source(2, new MigrationListener() {}), machine, destination(1), target);
    machine.stopWorkload();

    assertEquals(SourceOutcome.State.RUNNING, out.source().state());
    assertTrue(out.source().reason().contains("refused at pre-flight"), out.source().reason());
    assertTrue(
        out.source().findings().stream()
            .anyMatch(f -> f.isBreaking() && f.type().equals(TestMachine.NIC)),
        out.source().findings().toString());
    assertEquals(0, machine.pauses());
    assertFalse(out.destination().running());
    assertTrue(out.destination().reason().contains("refused at pre-flight"));
    assertEquals(0, target.starts());
    assertNull(machine.atPause);
  }

  @Test
  void anAncillaryChunkTheDestinationSkipsIsReportedToTheSource() throws IOException {
    Source machine = new Source(2, PAGE, PAGES, false, 3).run(50);
    Destination target = new Destination(1, PAGE, PAGES, false);
    List<SkippedChunk> heard = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void skipped(SkippedChunk chunk) {
            heard.add(chunk);
          }
        };
    Outcomes out = Loopback.migrate(source(2, listener), machine, destination(1), target);

    assertEquals(SourceOutcome.State.STOPPED, out.source().state(), out.source().reason());
    assertTrue(out.destination().running());
    assertEquals(1, out.source().stats().skipped().size(), out.source().stats().toString());
    SkippedChunk skipped = out.source().stats().skipped().get(0);
    assertEquals(TestMachine.STATS, skipped.type());
    assertEquals("stAt", skipped.path());
    assertEquals(List.of(skipped), heard);
    assertEquals(List.of(skipped), out.destination().stats().skipped());
    assertEquals(machine.atPause, target.state());
  }

  @Test
  void aFailedRestoreResumesTheSourceWithTheDestinationsError() throws IOException {
    Source machine = new Source(1, PAGE, PAGES, false, 4).run(50);
    Destination target = new Destination(1, PAGE, PAGES, true);
    Outcomes out =
        Loopback.migrate(source(1, new MigrationListener() {}), machine, destination(1), target);
    machine.stopWorkload();

    assertEquals(SourceOutcome.State.RUNNING, out.source().state());
    assertEquals(1, machine.resumes());
    assertEquals(machine.atPause, machine.atResume);
    SourceOutcome.RemoteError error = out.source().remoteError().orElseThrow();
    assertEquals("RESTORE", error.kind());
    assertTrue(error.message().contains("NO_TARGET for NiCs"), error.message());
    assertFalse(out.destination().running());
    assertEquals(0, target.starts());
  }

  @Test
  void aDestinationThatNeverAnswersOverStreamsEndsTheSessionAtTheTimeout() throws Exception {
    Source machine = new Source(1, PAGE, PAGES, false, 5);
    PipedInputStream fromDestination = new PipedInputStream();
    PipedOutputStream toDestination = new PipedOutputStream();
    PipedOutputStream destinationSide = new PipedOutputStream(fromDestination);
    PipedInputStream destinationReads = new PipedInputStream(toDestination, 1 << 20);
    long start = System.nanoTime();
    SourceOutcome out =
        MigrationSource.builder(machine.registry)
            .timeout(Duration.ofMillis(300))
            .build()
            .migrate(machine, fromDestination, toDestination);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(SourceOutcome.State.RUNNING, out.state());
    assertEquals(0, machine.pauses());
    assertTrue(out.reason().contains("did not answer within 300 ms"), out.reason());
    assertTrue(millis < 3000, millis + " ms");
    assertFalse(Thread.currentThread().isInterrupted());
    destinationSide.close();
    destinationReads.close();
  }

  @Test
  void aListenerThatFailsAfterTheCommitChangesNoOutcome() throws IOException {
    MigrationListener failing =
        failingAt(MigrationListener.Phase.DONE, () -> {
          throw new IllegalStateException("listener failed");
        });
    Source machine = new Source(1, PAGE, PAGES, false, 6);
    Destination target = new Destination(1, PAGE, PAGES, false);
    MigrationDestination destination =
        MigrationDestination.builder(target.registry).listener(failing).build();
    Outcomes out = Loopback.migrate(source(1, failing), machine, destination, target);

    assertEquals(SourceOutcome.State.STOPPED, out.source().state(), out.source().reason());
    assertEquals(0, machine.resumes());
    assertTrue(out.destination().running(), out.destination().reason());
    assertEquals(1, target.starts());
  }

  @Test
  void aListenerThatFailsDuringTheTransferLeavesTheSourceRunning() throws IOException {
    MigrationListener failing =
        new MigrationListener() {
          @Override
          public void progress(Progress progress) {
            throw new IllegalStateException("listener failed");
          }
        };
    Source machine = new Source(1, PAGE, PAGES, false, 7);
    Destination target = new Destination(1, PAGE, PAGES, false);
    Outcomes out = Loopback.migrate(source(1, failing), machine, destination(1), target);

    assertEquals(SourceOutcome.State.RUNNING, out.source().state());
    assertTrue(out.source().reason().contains("listener failed"), out.source().reason());
    assertEquals(0, machine.pauses());
    assertFalse(out.destination().running());
  }

  @Test
  void aTimeoutTooLongForASocketIsNoBoundButTheWatchdogs() throws IOException {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    Source machine = new Source(1, PAGE, PAGES, false, 8);
    Destination target = new Destination(1, PAGE, PAGES, false);
    Outcomes out =
        Loopback.migrate(
            MigrationSource.builder(machine.registry).timeout(forever).build(),
            machine,
            MigrationDestination.builder(target.registry).timeout(forever).build(),
            target);

    assertEquals(SourceOutcome.State.STOPPED, out.source().state(), out.source().reason());
    assertTrue(out.destination().running(), out.destination().reason());
  }

  @Test
  void anErrorWhileTheSourceIsPausedResumesIt() throws IOException {
    MigrationListener failing =
        failingAt(MigrationListener.Phase.COMMIT, () -> {
          throw new OutOfMemoryError("listener failed");
        });
    Source machine = new Source(1, PAGE, PAGES, false, 9);
    Destination target = new Destination(1, PAGE, PAGES, false);
    Outcomes out = Loopback.migrate(source(1, failing), machine, destination(1), target);

    assertEquals(SourceOutcome.State.RUNNING, out.source().state(), out.source().reason());
    assertTrue(out.source().reason().contains("OutOfMemoryError: listener failed"),
        out.source().reason());
    assertEquals(1, machine.pauses());
    assertEquals(1, machine.resumes());
    assertEquals(machine.atPause, machine.atResume);
    assertFalse(out.destination().running());
  }

  @Test
  void anErrorOnTheDestinationEndsItsSessionNotRunning() throws IOException {
    MigrationListener failing =
        failingAt(MigrationListener.Phase.SWITCH_OVER, () -> {
          throw new OutOfMemoryError("listener failed");
        });
    Source machine = new Source(1, PAGE, PAGES, false, 10);
    Destination target = new Destination(1, PAGE, PAGES, false);
    MigrationDestination destination =
        MigrationDestination.builder(target.registry).listener(failing).build();
    Outcomes out = Loopback.migrate(source(1, new MigrationListener() {}), machine, destination,
        target);

    assertFalse(out.destination().running());
    assertTrue(out.destination().reason().contains("OutOfMemoryError: listener failed"),
        out.destination().reason());
    assertEquals(0, target.starts());
    assertEquals(SourceOutcome.State.RUNNING, out.source().state(), out.source().reason());
    assertEquals(machine.pauses(), machine.resumes());
  }

  @Test
  void anExceptionOfTheMachinesOwnResumePassesAfterTheSessionEnds() throws IOException {
    // The destination refuses at the switch-over, so the source resumes; its resume() fails, and
    // the machine's state is unknown: no outcome can say it runs.
    MigrationListener failing =
        failingAt(MigrationListener.Phase.SWITCH_OVER, () -> {
          throw new IllegalStateException("the destination's listener failed");
        });
    Source machine = new Source(1, PAGE, PAGES, false, 11);
    IllegalStateException failure = new IllegalStateException("the vCPUs did not start");
    SourceMachine failingResume =
        new SourceMachine() {
          @Override
          public GuestMemory memory() {
            return machine.memory();
          }

          @Override
          public List<?> deviceStates() {
            return machine.deviceStates();
          }

          @Override
          public void pause() {
            machine.pause();
          }

          @Override
          public void resume() {
            throw failure;
          }
        };
    Destination target = new Destination(1, PAGE, PAGES, false);
    MigrationDestination destination =
        MigrationDestination.builder(target.registry).listener(failing).build();
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> Loopback.migrate(source(1, new MigrationListener() {}), failingResume,
                destination, target));
    assertSame(failure, thrown);
    assertEquals(1, machine.pauses());
  }
}

package io.chunkstate.migration;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.PreFlight;
import io.chunkstate.ReadOptions;
import io.chunkstate.SkippedChunk;
import io.chunkstate.StateWriter;
import io.chunkstate.migration.MigrationChunks.Devices;
import io.chunkstate.migration.MigrationChunks.Failed;
import io.chunkstate.migration.MigrationChunks.Geometry;
import io.chunkstate.migration.MigrationChunks.PageBatch;
import io.chunkstate.migration.MigrationChunks.Ready;
import io.chunkstate.migration.MigrationChunks.Round;
import io.chunkstate.migration.MigrationChunks.SwitchOver;
import io.chunkstate.migration.MigrationListener.Phase;
import io.chunkstate.migration.MigrationListener.Progress;
import io.chunkstate.schema.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One migration from the source's side: the steps of docs/MIGRATION.md, in order. */
final class SourceSession {
  // The destination's messages, each read within one allocation budget, a quarter of the heap.
  private static final ReadOptions ANSWERS = ReadOptions.defaults().withMaxChunkLength(16 << 20);
  private static final Message.Shape FAILED = Message.Shape.of(Failed.class);
  // Pages between two progress reports within a round: 16 MiB of 4 KiB pages.
  private static final int PROGRESS_EVERY = 4096;
  // The data of a page chunk the source writes stays within the 64 KiB that a reader buffers
  // before it grows its buffer: one allocation and one copy per chunk on the destination.
  private static final int CHUNK_DATA = 64 * 1024;

  private final MigrationSource.Builder settings;
  private final SourceMachine machine;
  private final GuestMemory memory;
  private final Link link;
  private final MigrationListener listener;
  private final int pagesPerChunk;
  private final long started = System.nanoTime();
  private long chunks;
  private int rounds;
  private long pagesSent;
  private long pausedAt;
  private long pausedNanos;
  private boolean paused;
  private boolean dirtyLog;
  private boolean commitSent;
  private List<SkippedChunk> skipped = List.of();

  SourceSession(MigrationSource.Builder settings, SourceMachine machine, Link link) {
    this.settings = settings;
    this.machine = machine;
    this.memory = machine.memory();
    this.link = link;
    this.listener = settings.listener;
    this.pagesPerChunk =
        Math.max(
            1,
            Math.min(
                MigrationChunks.MAX_PAGES_PER_CHUNK,
                (CHUNK_DATA - 4) / (8 + Math.max(1, memory.pageSize()))));
  }

  SourceOutcome run() {
    try {
      return end();
    } catch (ResumeFailed e) {
      throw e.unwrapped(); // the machine's state is unknown: the one failure that passes
    }
  }

  private SourceOutcome end() {
    SourceOutcome outcome;
    try {
      outcome = migrate();
    } catch (ResumeFailed e) {
      throw e;
    } catch (WriteFailure e) {
      outcome =
          e.remote.isPresent()
              ? refusedBy(e.remote.get(), "during the bulk transfer")
              : notCommitted(describe(e.getCause()), List.of(), Optional.empty());
    } catch (Throwable e) {
      // Whatever ended the session, an Error as well (the machine's own resume() aside, caught
      // above): before the commit, the machine runs again; once the commit may have left, only
      // the acknowledgment decides, so it never resumes.
      outcome =
          commitSent
              ? inDoubt("the session failed after the commit was sent: " + describe(e))
              : notCommitted(describe(e), List.of(), Optional.empty());
    } finally {
      stopDirtyLog();
      link.close();
    }
    try {
      listener.phase(Phase.DONE);
    } catch (Throwable e) {
      // The outcome is decided; a listener that fails now changes nothing of it.
    }
    return outcome;
  }

  private SourceOutcome migrate() throws IOException {
    listener.phase(Phase.PRE_FLIGHT);
    Geometry geometry = geometry(memory);
    link.step("pre-flight");
    PreFlight.Offer offer =
        PreFlight.Offer.of(
            settings.producer,
            settings.registry,
            InUse.of(settings.registry, machine.deviceStates()));
    send(offer, geometry);
    Message answer = receive("answer", Message.Shape.of(PreFlight.Answer.class));
    if (answer.startsWith(Failed.class)) {
      return refusedBy(answer.only(Failed.class), "at pre-flight");
    }
    PreFlight.Answer verdict = answer.only(PreFlight.Answer.class);
    if (!verdict.accepted()) {
      return notCommitted(
          "the destination refused at pre-flight: "
              + verdict.findings().stream()
                  .filter(Finding::isBreaking)
                  .map(Finding::toString)
                  .collect(Collectors.joining("; ")),
          verdict.findings(),
          Optional.empty());
    }

    listener.phase(Phase.BULK);
    BitSet dirty = bulk();

    listener.phase(Phase.SWITCH_OVER);
    link.step("switch-over");
    machine.pause();
    paused = true;
    pausedAt = System.nanoTime();
    memory.collectDirty(dirty);
    stopDirtyLog();
    byte[] devices = devices();
    try {
      switchOver(dirty, devices);
    } catch (IOException e) {
      return afterWriteFailure(e, "switch-over");
    }
    Message ready = receive("ready", Message.Shape.of(Ready.class));
    if (ready.startsWith(Failed.class)) {
      return refusedBy(ready.only(Failed.class), "at the switch-over");
    }
    skipped = ready.only(Ready.class).skipped();
    skipped.forEach(listener::skipped);

    listener.phase(Phase.COMMIT);
    link.step("commit");
    commitSent = true;
    try {
      Message.write(link, settings.producer, new MigrationChunks.Commit());
      chunks++;
    } catch (Throwable e) {
      return inDoubt("the commit could not be sent whole: " + describe(e));
    }
    Message acknowledgment;
    try {
      acknowledgment = receive("acknowledgment", Message.Shape.of(MigrationChunks.Ack.class));
    } catch (Throwable e) {
      return inDoubt("the commit was sent and no acknowledgment came: " + describe(e));
    }
    if (acknowledgment.startsWith(Failed.class)) {
      // An intact failure is an answer too: the destination did not start, and says so.
      return refusedBy(acknowledgment.only(Failed.class), "at the commit");
    }
    return new SourceOutcome(
        SourceOutcome.State.STOPPED, "", List.of(), Optional.empty(), stats());
  }

  private static Geometry geometry(GuestMemory memory) {
    int pageSize = memory.pageSize();
    long pageCount = memory.pageCount();
    if (pageSize < 1 || pageSize > MigrationChunks.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "the page size must be 1 to " + MigrationChunks.MAX_PAGE_SIZE + " bytes: " + pageSize);
    }
    if (pageCount < 0 || pageCount > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the page count must be 0 to " + Integer.MAX_VALUE + ": " + pageCount);
    }
    return new Geometry(pageSize, pageCount);
  }

  /**
   * The rounds while the machine runs: all pages, then the pages dirtied meanwhile, until the
   * dirty ones fit the downtime target at the measured rate or the round limit is reached.
   * Returns the pages still dirty.
   */
  private BitSet bulk() throws IOException {
    memory.startDirtyLog();
    dirtyLog = true;
    BitSet dirty = new BitSet();
    BitSet toSend = null; // the first round: every page
    long count = memory.pageCount();
    double targetSeconds = settings.downtimeTarget.toNanos() / 1e9;
    while (true) {
      rounds++;
      link.step("round " + rounds);
      long bytesBefore = link.bytesOut();
      long start = System.nanoTime();
      try {
        sendRound(toSend, count);
      } catch (IOException e) {
        throw afterBulkFailure(e);
      }
      double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      double rate = (link.bytesOut() - bytesBefore) / seconds;
      dirty.clear();
      memory.collectDirty(dirty);
      count = dirty.cardinality();
      listener.progress(new Progress(rounds, link.bytesOut(), pagesSent, rate, count));
      double needed = count * (double) (memory.pageSize() + 8) / rate;
      if (needed <= targetSeconds || rounds >= settings.maxRounds) {
        return dirty;
      }
      toSend = (BitSet) dirty.clone();
    }
  }

  /** One message of the bulk transfer: {@code MRND}, then the pages of {@code pages} (all when null). */
  private void sendRound(BitSet pages, long count) throws IOException {
    StateWriter writer = StateWriter.open(link.out(), settings.producer, Message.SESSION);
    writer.write(new Round(rounds, count));
    chunks++;
    sendPages(writer, pages, count);
    writer.finish();
  }

  private void switchOver(BitSet pages, byte[] devices) throws IOException {
    long count = pages.cardinality();
    StateWriter writer = StateWriter.open(link.out(), settings.producer, Message.SESSION);
    writer.write(new SwitchOver(rounds, count));
    chunks++;
    sendPages(writer, pages, count);
    writer.write(new Devices(devices));
    chunks++;
    writer.finish();
  }

  private void sendPages(StateWriter writer, BitSet pages, long count) throws IOException {
    PageBatch batch = new PageBatch(memory);
    long sent = 0;
    long page = pages == null ? 0 : pages.nextSetBit(0);
    long rateStart = System.nanoTime();
    long rateBytes = link.bytesOut();
    while (sent < count) {
      batch.count = 0;
      while (batch.count < pagesPerChunk && sent < count) {
        batch.pages[batch.count++] = page;
        sent++;
        page = pages == null ? page + 1 : pages.nextSetBit((int) page + 1);
      }
      writer.write(batch);
      chunks++;
      pagesSent += batch.count;
      if (sent % PROGRESS_EVERY < batch.count && sent < count) {
        double seconds = Math.max(1e-9, (System.nanoTime() - rateStart) / 1e9);
        listener.progress(
            new Progress(
                rounds,
                link.bytesOut(),
                pagesSent,
                (link.bytesOut() - rateBytes) / seconds,
                count - sent));
      }
    }
  }

  /** The device state, paused, as a complete state stream of the machine's chunk types. */
  private byte[] devices() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, settings.producer, settings.registry);
    for (Object state : machine.deviceStates()) {
      writer.write(state);
    }
    writer.finish();
    return out.toByteArray();
  }

  private void send(Object... states) throws IOException {
    Message.write(link, settings.producer, states);
    chunks += states.length;
  }

  /** Reads the destination's answer named {@code name}: {@code shape}, or its failure. */
  private Message receive(String name, Message.Shape shape) throws IOException {
    link.step("the " + name);
    return Message.read(link, name, ANSWERS, shape, FAILED);
  }

  /**
   * A write to the destination failed: it may have said why before it closed the connection, so
   * its message is read, briefly, if one is there.
   */
  private IOException afterBulkFailure(IOException e) {
    return new WriteFailure(e, remoteReason());
  }

  private SourceOutcome afterWriteFailure(IOException e, String step) {
    Optional<Failed> failed = remoteReason();
    if (failed.isPresent()) {
      return refusedBy(failed.get(), "during the " + step);
    }
    return notCommitted(describe(e), List.of(), Optional.empty());
  }

  private Optional<Failed> remoteReason() {
    try {
      return Optional.of(Message.read(link, "failure", ANSWERS, FAILED).only(Failed.class));
    } catch (Exception ignored) {
      return Optional.empty();
    }
  }

  private SourceOutcome refusedBy(Failed failed, String when) {
    SourceOutcome.RemoteError error =
        new SourceOutcome.RemoteError(
            failed.kind(), failed.offset(), failed.path(), failed.message());
    return notCommitted(
        "the destination failed " + when + ": " + failed.kind()
            + (failed.offset() < 0 ? "" : " at offset " + failed.offset())
            + (failed.path().isEmpty() ? "" : " in " + failed.path()) + ": " + failed.message(),
        List.of(),
        Optional.of(error));
  }

  /** Ends a session that did not commit: the machine runs again if it paused. */
  private SourceOutcome notCommitted(
      String reason, List<Finding> findings, Optional<SourceOutcome.RemoteError> remote) {
    stopDirtyLog();
    if (paused) {
      pausedNanos = System.nanoTime() - pausedAt;
      paused = false;
      try {
        machine.resume();
      } catch (RuntimeException | Error e) {
        throw new ResumeFailed(e);
      }
    }
    return new SourceOutcome(SourceOutcome.State.RUNNING, reason, findings, remote, stats());
  }

  private SourceOutcome inDoubt(String reason) {
    pausedNanos = System.nanoTime() - pausedAt;
    paused = false;
    return new SourceOutcome(
        SourceOutcome.State.IN_DOUBT,
        reason + "; the source stays paused: the destination knows whether it runs",
        List.of(),
        Optional.empty(),
        stats());
  }

  private void stopDirtyLog() {
    if (dirtyLog) {
      dirtyLog = false;
      memory.stopDirtyLog();
    }
  }

  private MigrationStats stats() {
    if (paused) {
      pausedNanos = System.nanoTime() - pausedAt;
    }
    return new MigrationStats(
        link.bytesOut(),
        chunks,
        rounds,
        Duration.ofNanos(pausedNanos),
        Duration.ofNanos(System.nanoTime() - started),
        skipped);
  }

  private static String describe(Throwable e) {
    if (e instanceof ChunkStreamException) {
      return "the destination's message is broken: " + e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** A failed write of the bulk transfer, with what the destination said, if it did. */
  /** What the machine's own {@code resume()} threw, carried past the session's other handlers. */
  private static final class ResumeFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResumeFailed(Throwable cause) {
      super(cause);
    }

    RuntimeException unwrapped() {
      if (getCause() instanceof Error error) {
        throw error;
      }
      return (RuntimeException) getCause();
    }
  }

  private static final class WriteFailure extends IOException {
    private static final long serialVersionUID = 1L;
    final transient Optional<Failed> remote;

    WriteFailure(IOException cause, Optional<Failed> remote) {
      super(cause.getMessage(), cause);
      this.remote = remote;
    }
  }
}

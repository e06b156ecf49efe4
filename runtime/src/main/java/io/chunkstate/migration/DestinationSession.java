package io.chunkstate.migration;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.PreFlight;
import io.chunkstate.ReadOptions;
import io.chunkstate.RestoreException;
import io.chunkstate.SkippedChunk;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateStream;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Errors;
import io.chunkstate.migration.MigrationChunks.Failed;
import io.chunkstate.migration.MigrationChunks.Geometry;
import io.chunkstate.migration.MigrationChunks.Ready;
import io.chunkstate.migration.MigrationChunks.Round;
import io.chunkstate.migration.MigrationChunks.SwitchOver;
import io.chunkstate.migration.MigrationListener.Phase;
import io.chunkstate.migration.MigrationListener.Progress;
import io.chunkstate.schema.Finding;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One migration from the destination's side: the steps of docs/MIGRATION.md, in order. */
final class DestinationSession {
  // The source's messages, each read within one allocation budget, a quarter of the heap.
  private static final ReadOptions CONTROL = ReadOptions.defaults().withMaxChunkLength(64 << 20);
  private static final Access.EmbeddedReads<StateStream, ChunkRegistry, ReadOptions> READS =
      Access.embeddedReads(StateStream.class);

  private final MigrationDestination.Builder settings;
  private final DestinationMachine machine;
  private GuestMemory memory;
  private PageSink pageSink;
  private final Link link;
  private final MigrationListener listener;
  private final long started = System.nanoTime();
  private long chunks;
  private int rounds;
  private long pages;
  private long switchedAt;
  private long pausedNanos;
  private List<SkippedChunk> skipped = List.of();
  private long devicesOffset;
  private boolean machineStarted;

  DestinationSession(MigrationDestination.Builder settings, DestinationMachine machine, Link link) {
    this.settings = settings;
    this.machine = machine;
    this.link = link;
    this.listener = settings.listener;
  }

  DestinationOutcome run() {
    DestinationOutcome outcome;
    try {
      outcome = accept();
    } catch (Throwable e) {
      // An Error as well: the session returns its outcome, and the machine runs only if it
      // started.
      if (machineStarted) {
        outcome = new DestinationOutcome(true, "", stats()); // it runs, whatever failed after
      } else {
        tell(e);
        outcome = notRunning(describe(e));
      }
    } finally {
      link.close();
    }
    try {
      listener.phase(Phase.DONE);
    } catch (Throwable e) {
      // The outcome is decided; a listener that fails now changes nothing of it.
    }
    return outcome;
  }

  private DestinationOutcome accept() throws IOException, RestoreException {
    listener.phase(Phase.PRE_FLIGHT);
    link.step("the offer");
    Message offerMessage =
        Message.read(
            link, "offer", CONTROL, Message.Shape.of(PreFlight.Offer.class, Geometry.class));
    PreFlight.Offer offer = (PreFlight.Offer) offerMessage.states().get(0);
    Geometry geometry = (Geometry) offerMessage.states().get(1);
    chunks += 2;
    List<Finding> findings = new ArrayList<>(PreFlight.answer(offer, settings.registry).findings());
    findings.addAll(takeMemory(geometry));
    PreFlight.Answer answer = new PreFlight.Answer(findings);
    link.step("the answer");
    Message.write(link, settings.producer, answer);
    if (!answer.accepted()) {
      return notRunning(
          "refused at pre-flight: "
              + findings.stream().filter(Finding::isBreaking).map(Finding::toString).toList());
    }

    listener.phase(Phase.BULK);
    byte[] devices;
    while (true) {
      rounds++;
      link.step("round " + rounds);
      devices = transfer();
      if (devices != null) {
        break;
      }
    }
    rounds--; // the switch-over is no round of the bulk transfer

    Snapshot snapshot = readDevices(devices);
    machine.restore(snapshot);
    skipped = snapshot.skipped();
    skipped.forEach(listener::skipped);
    link.step("the ready answer");
    Message.write(link, settings.producer, new Ready(skipped));

    listener.phase(Phase.COMMIT);
    link.step("the commit");
    Message.read(link, "commit", CONTROL, Message.Shape.of(MigrationChunks.Commit.class));
    chunks++;
    machine.start();
    machineStarted = true;
    pausedNanos = System.nanoTime() - switchedAt;
    try {
      link.step("the acknowledgment");
      Message.write(link, settings.producer, new MigrationChunks.Ack());
    } catch (IOException | RuntimeException e) {
      // The machine runs: the source resolves its doubt by asking this side.
    }
    return new DestinationOutcome(true, "", stats());
  }

  /**
   * Tells the machine the offered memory geometry and takes its guest memory; returns the findings
   * that refuse the offer: a machine that cannot hold that memory, or memory of another geometry.
   */
  private List<Finding> takeMemory(Geometry offered) {
    List<Finding> findings = new ArrayList<>();
    try {
      machine.prepare(offered.pageSize(), offered.pageCount());
    } catch (IOException | RuntimeException e) {
      findings.add(
          new Finding(
              Finding.Severity.BREAKING,
              "memory-geometry",
              MigrationChunks.GEOMETRY,
              "pageCount",
              "this machine cannot hold " + offered.pageCount() + " pages of "
                  + offered.pageSize() + " bytes: " + e.getMessage(),
              "give the destination the memory the source has"));
      return findings;
    }
    memory = machine.memory();
    pageSink = new PageSink(memory);
    if (offered.pageSize() != memory.pageSize()) {
      findings.add(mismatch("pageSize", offered.pageSize(), memory.pageSize()));
    }
    if (offered.pageCount() != memory.pageCount()) {
      findings.add(mismatch("pageCount", offered.pageCount(), memory.pageCount()));
    }
    return findings;
  }

  private static Finding mismatch(String field, long offered, long own) {
    return new Finding(
        Finding.Severity.BREAKING,
        "memory-geometry",
        MigrationChunks.GEOMETRY,
        field,
        "the source's guest memory has " + field + " " + offered + ", this machine's " + own,
        "give the destination machine the same memory size and page size as the source");
  }

  /**
   * Reads one message of the bulk transfer or the switch-over, writing each page into the
   * machine as it comes. Returns the device stream for the switch-over, null for a round.
   */
  private byte[] transfer() throws IOException {
    try (StateStream stream = READS.openEmbedded(link.in(), Message.SESSION, CONTROL)) {
      if (!stream.next()) {
        throw Errors.structure(0, "", "a message of the transfer holds no chunk");
      }
      long declared;
      boolean switchOver;
      long firstOffset = stream.offset();
      if (!stream.type().equals(MigrationChunks.ROUND)
          && !stream.type().equals(MigrationChunks.SWITCH_OVER)) {
        throw Errors.structure(
            stream.offset(), stream.type().code(),
            "a message of the transfer starts with " + stream.type().code()
                + " where MRND or MSWO belongs");
      }
      Message.checkLength(stream);
      Object first = stream.state();
      chunks++;
      if (first instanceof Round round) {
        declared = round.pages();
        switchOver = false;
        if (round.number() != rounds) {
          throw Errors.data(
              stream.offset(), "MRND", "round " + round.number() + " came where round " + rounds
                  + " belongs");
        }
      } else {
        declared = ((SwitchOver) first).pages(); // the one other type the check above lets in
        switchOver = true;
        switchedAt = System.nanoTime();
        listener.phase(Phase.SWITCH_OVER);
        link.step("the switch-over");
      }
      long received = 0;
      long rateStart = System.nanoTime();
      long bytesStart = link.bytesIn();
      byte[] devices = null;
      while (stream.next()) {
        chunks++;
        ChunkType type = stream.type();
        if (type.equals(MigrationChunks.PAGES) && devices == null) {
          pageSink.begin(stream.offset(), stream.length());
          stream.copyRaw(pageSink);
          received += pageSink.count();
          if (received > declared) {
            throw Errors.data(
                stream.offset(), "MPAG", "more pages came than the " + declared + " declared");
          }
        } else if (type.equals(MigrationChunks.DEVICES) && switchOver && devices == null) {
          devices = stream.raw().data();
          devicesOffset = stream.offset() + 8;
        } else {
          throw Errors.structure(
              stream.offset(), type.code(),
              "the " + (switchOver ? "switch-over" : "round " + rounds) + " message holds "
                  + type.code() + " where "
                  + (switchOver ? (devices == null ? "MPAG or MDEV" : "CEND") : "MPAG or CEND")
                  + " belongs");
        }
      }
      if (received != declared) {
        throw Errors.data(
            firstOffset, first instanceof Round ? "MRND" : "MSWO",
            declared + " pages were declared and " + received + " came");
      }
      if (switchOver && devices == null) {
        throw Errors.structure(firstOffset, "MSWO", "the switch-over message holds no MDEV");
      }
      pages += received;
      double seconds = Math.max(1e-9, (System.nanoTime() - rateStart) / 1e9);
      listener.progress(
          new Progress(rounds, link.bytesIn(), pages, (link.bytesIn() - bytesStart) / seconds, 0));
      return switchOver ? devices : null;
    }
  }

  /** The device stream of {@code MDEV}, read whole and checked; errors at message offsets. */
  private Snapshot readDevices(byte[] devices) throws ChunkStreamException {
    ChunkRegistry registry = settings.registry;
    // The stream's bytes are held while it is decoded: the two share the budget of a message.
    ReadOptions options =
        ReadOptions.defaults()
            .withAllocationBudget(Math.max(1, CONTROL.allocationBudget() - devices.length));
    try {
      return StateReader.read(devices, registry, options);
    } catch (ChunkStreamException e) {
      ChunkStreamException moved =
          new ChunkStreamException(
              e.kind(),
              devicesOffset + e.offset(),
              e.path().isEmpty() ? "MDEV" : "MDEV/" + e.path(),
              e.detail() + " (in the device state stream carried by MDEV)");
      moved.initCause(e);
      throw moved;
    }
  }

  /** Tells the source why this side gives up, if the connection still carries it. */
  private void tell(Throwable e) {
    if (link.expired()) {
      return;
    }
    Failed failed =
        e instanceof ChunkStreamException c
            ? new Failed(c.kind().name(), c.offset(), c.path(), c.detail())
            : e instanceof RestoreException r
                ? new Failed("RESTORE", -1, "", r.getMessage())
                : new Failed(e.getClass().getSimpleName(), -1, "", String.valueOf(e.getMessage()));
    try {
      link.step("the failure");
      Message.write(link, settings.producer, failed);
    } catch (Throwable ignored) {
      // The source gives up on its own when the connection ends.
    }
  }

  private DestinationOutcome notRunning(String reason) {
    return new DestinationOutcome(false, reason, stats());
  }

  private MigrationStats stats() {
    return new MigrationStats(
        link.bytesIn(),
        chunks,
        Math.max(0, rounds),
        Duration.ofNanos(pausedNanos),
        Duration.ofNanos(System.nanoTime() - started),
        skipped);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

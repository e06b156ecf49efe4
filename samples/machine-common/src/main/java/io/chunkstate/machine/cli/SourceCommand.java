package io.chunkstate.machine.cli;

import io.chunkstate.machine.Devices;
import io.chunkstate.machine.Machine;
import io.chunkstate.machine.MachineDigests;
import io.chunkstate.machine.MachineModel;
import io.chunkstate.machine.MappedGuestMemory;
import io.chunkstate.migration.MigrationSource;
import io.chunkstate.migration.MigrationStats;
import io.chunkstate.migration.SourceOutcome;
import io.chunkstate.schema.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code source}: boots a machine, runs its workload, migrates it to a destination and prints how
 * that ended: {@code PAUSED mem=… dev=…} when it paused, {@code RESUMED mem=… dev=…} when
 * it resumed, then {@code OUTCOME stopped}, {@code OUTCOME running mem=… dev=…} or {@code OUTCOME
 * in-doubt <reason>}.
 */
@Command(name = "source", description = "Boot a machine and migrate it to a destination.")
final class SourceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--connect",
      required = true,
      paramLabel = "HOST:PORT",
      converter = Endpoint.class,
      description = "The destination's address.")
  InetSocketAddress connect;

  @Option(
      names = "--memory-mib",
      required = true,
      paramLabel = "M",
      description = "The guest memory, in MiB.")
  long memoryMib;

  @Option(
      names = "--dirty-mib-per-s",
      defaultValue = "0",
      paramLabel = "R",
      description = "How fast the workload writes pages, in MiB/s (default: ${DEFAULT-VALUE}).")
  double dirtyMibPerSecond;

  @Option(names = "--use-feature", description = "Turn on the feature of version 2.")
  boolean useFeature;

  @Option(
      names = "--timeout-s",
      defaultValue = "30",
      paramLabel = "T",
      description = "How long to wait for the destination at any step (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--downtime-ms",
      defaultValue = "300",
      paramLabel = "D",
      description = "The longest pause the transfer aims for (default: ${DEFAULT-VALUE}).")
  long downtimeMillis;

  private final MachineModel model;
  private final Output out;
  private final PrintStream err;
  private Duration timeout;

  SourceCommand(MachineModel model, Output out, PrintStream err) {
    this.model = model;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    validate();
    Log log = new Log(err, model.name() + " source");
    Events events = new Events(out);
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    try (MappedGuestMemory memory = MappedGuestMemory.create(directory, memoryMib)) {
      Devices devices = model.boot(useFeature);
      Machine machine = new Machine(model, devices, memory, dirtyMibPerSecond, events);
      machine.fillMemory(memoryMib);
      machine.boot();
      log.info(
          "booted %d MiB of guest memory, writing %.1f MiB/s, feature %s",
          memoryMib, dirtyMibPerSecond, useFeature ? "in use" : "unused");
      SourceOutcome outcome = migrate(machine, log);
      events.awaitPaused();
      Stats.log(log, outcome.stats());
      switch (outcome.state()) {
        case STOPPED -> {
          machine.close();
          log.info("stopped: the destination runs the machine");
          out.line("OUTCOME stopped");
          return ExitCodes.OK;
        }
        case IN_DOUBT -> {
          machine.close();
          log.info("in doubt: %s; the destination knows whether it runs", outcome.reason());
          out.line("OUTCOME in-doubt " + Output.oneLine(outcome.reason()));
          return ExitCodes.IN_DOUBT;
        }
        default -> {
          log.info("still running: %s", outcome.reason());
          for (Finding finding : outcome.findings()) {
            log.info("  destination found: %s", finding);
          }
          outcome.remoteError()
              .ifPresent(e -> log.info("  destination error: %s at offset %d, %s: %s",
                  e.kind(), e.offset(), e.path(), e.message()));
          machine.close(); // the process ends here: quiesce before the last digests
          out.line("OUTCOME running " + machine.digests());
          return ExitCodes.OK;
        }
      }
    }
  }

  private SourceOutcome migrate(Machine machine, Log log) {
    Socket socket = new Socket();
    try {
      socket.connect(connect, Timeout.millis(timeout));
    } catch (IOException e) {
      log.info("cannot connect to %s: %s", connect, e.getMessage());
      closeQuietly(socket);
      return new SourceOutcome(
          SourceOutcome.State.RUNNING,
          "cannot connect to " + connect + ": " + e.getMessage(),
          java.util.List.of(),
          java.util.Optional.empty(),
          new MigrationStats(0, 0, 0, Duration.ZERO, Duration.ZERO, java.util.List.of()));
    }
    log.info("connected to %s", connect);
    return MigrationSource.builder(model.registry())
        .producer(model.name())
        .timeout(timeout)
        .downtimeTarget(Duration.ofMillis(downtimeMillis))
        .listener(log)
        .build()
        .migrate(machine, socket);
  }

  private void validate() {
    if (memoryMib < 1 || memoryMib > MappedGuestMemory.MAX_MEBIBYTES) {
      throw new ParameterException(spec.commandLine(),
          "--memory-mib must be 1 to " + MappedGuestMemory.MAX_MEBIBYTES + ", not " + memoryMib);
    }
    if (!(dirtyMibPerSecond >= 0) || Double.isInfinite(dirtyMibPerSecond)) {
      throw new ParameterException(spec.commandLine(),
          "--dirty-mib-per-s must be 0 or more, not " + dirtyMibPerSecond);
    }
    timeout = Timeout.of(spec, timeoutSeconds);
    if (downtimeMillis < 1) {
      throw new ParameterException(spec.commandLine(),
          "--downtime-ms must be 1 or more, not " + downtimeMillis);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing was sent on it
    }
  }

  /**
   * Prints {@code PAUSED} with the digests of the paused machine, taken on a thread of their own
   * so that they do not lengthen the pause, and {@code RESUMED} before the workload restarts.
   */
  private static final class Events implements Machine.Events {
    private final Output out;
    private CompletableFuture<MachineDigests> paused;

    Events(Output out) {
      this.out = out;
    }

    @Override
    public synchronized void paused(Machine machine) {
      paused = CompletableFuture.supplyAsync(() -> {
        MachineDigests digests = machine.digests();
        out.line("PAUSED " + digests);
        return digests;
      });
    }

    @Override
    public synchronized void resuming(Machine machine) {
      awaitPaused();
      out.line("RESUMED " + machine.digests());
    }

    synchronized void awaitPaused() {
      if (paused != null) {
        paused.join();
      }
    }
  }
}

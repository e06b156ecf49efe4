package io.chunkstate.machine.cli;

import io.chunkstate.machine.Machine;
import io.chunkstate.machine.MachineDigests;
import io.chunkstate.machine.MachineModel;
import io.chunkstate.migration.DestinationOutcome;
import io.chunkstate.migration.MigrationDestination;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code destination}: prints {@code LISTENING <port>}, accepts one migration into a machine that
 * does not run, and prints {@code OUTCOME running mem=… dev=…} (the digests taken before its
 * workload starts) or {@code OUTCOME not-running <reason>}.
 */
@Command(name = "destination", description = "Wait for one migration and run what it brings.")
final class DestinationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      converter = Endpoint.class,
      description = "The address to listen on; port 0 picks a free port.")
  InetSocketAddress listen;

  @Option(
      names = "--timeout-s",
      defaultValue = "30",
      paramLabel = "T",
      description = "How long to wait for the source at any step (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  private final MachineModel model;
  private final Output out;
  private final PrintStream err;

  DestinationCommand(MachineModel model, Output out, PrintStream err) {
    this.model = model;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    Duration timeout = Timeout.of(spec, timeoutSeconds);
    Log log = new Log(err, model.name() + " destination");
    int timeoutMillis = Timeout.millis(timeout);
    Socket socket;
    try (ServerSocket server = new ServerSocket()) {
      server.bind(listen, 1);
      out.line("LISTENING " + server.getLocalPort());
      server.setSoTimeout(timeoutMillis);
      try {
        socket = server.accept();
      } catch (SocketTimeoutException e) {
        return notRunning(log, "no source connected within " + timeoutSeconds + " s");
      }
    }
    log.info("source connected from %s", socket.getRemoteSocketAddress());
    Events events = new Events();
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    try (SizedDestination machine = new SizedDestination(model, directory, events)) {
      DestinationOutcome outcome =
          MigrationDestination.builder(model.registry())
              .producer(model.name())
              .timeout(timeout)
              .listener(log)
              .build()
              .accept(machine, socket);
      Stats.log(log, outcome.stats());
      if (!outcome.running()) {
        return notRunning(log, outcome.reason());
      }
      MachineDigests digests = events.started.join();
      log.info("running");
      out.line("OUTCOME running " + digests);
      return ExitCodes.OK;
    }
  }

  private int notRunning(Log log, String reason) {
    log.info("not running: %s", reason);
    out.line("OUTCOME not-running " + Output.oneLine(reason));
    return ExitCodes.NOT_RUNNING;
  }

  /** Takes the digests when the machine starts, before its workload runs. */
  private static final class Events implements Machine.Events {
    final CompletableFuture<MachineDigests> started = new CompletableFuture<>();

    @Override
    public void starting(Machine machine) {
      started.complete(machine.digests());
    }
  }
}

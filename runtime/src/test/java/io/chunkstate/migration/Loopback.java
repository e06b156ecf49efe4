package io.chunkstate.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a destination on a loopback port on a thread of its own, and a source against it. */
final class Loopback {
  private Loopback() {}

  /** The two outcomes of one migration. */
  record Outcomes(SourceOutcome source, DestinationOutcome destination) {}

  /** A listening destination that accepts one connection and runs its session. */
  static final class Listening implements AutoCloseable {
    final ServerSocket server;
    final CompletableFuture<DestinationOutcome> outcome = new CompletableFuture<>();

    Listening(MigrationDestination destination, DestinationMachine machine) throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      Thread thread =
          new Thread(
              () -> {
                try (Socket socket = server.accept()) {
                  outcome.complete(destination.accept(machine, socket));
                } catch (Throwable e) {
                  outcome.completeExceptionally(e);
                }
              },
              "test-destination");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    DestinationOutcome await() {
      try {
        return outcome.get(20, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        throw new AssertionError("the destination did not end its session", e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static Socket connect(int port) {
    try {
      return new Socket(InetAddress.getLoopbackAddress(), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Migrates {@code source} into {@code destination} directly. */
  static Outcomes migrate(
      MigrationSource source,
      SourceMachine sourceMachine,
      MigrationDestination destination,
      DestinationMachine destinationMachine)
      throws IOException {
    try (Listening listening = new Listening(destination, destinationMachine)) {
      SourceOutcome out = source.migrate(sourceMachine, connect(listening.port()));
      return new Outcomes(out, listening.await());
    }
  }
}

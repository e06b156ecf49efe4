package io.chunkstate.machine.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one migration between two processes on loopback: a destination from one jar, a source from
 * another, and between them, when asked, a {@link CuttingProxy}.
 */
public final class Migration {
  private final Path sourceJar;
  private final Path destinationJar;
  private final Consumer<String> log;
  private Path tempDirectory;
  private List<String> sourceOptions = List.of("--memory-mib", "8");
  private double timeoutSeconds = 10;
  private CuttingProxy.Direction cutDirection;
  private long cutAt = Long.MAX_VALUE;

  /** A migration from a machine of {@code sourceJar} to one of {@code destinationJar}. */
  public Migration(Path sourceJar, Path destinationJar, Consumer<String> log) {
    this.sourceJar = sourceJar;
    this.destinationJar = destinationJar;
    this.log = log;
  }

  /** The source's options besides {@code --connect} and {@code --timeout-s}. */
  public Migration sourceOptions(String... options) {
    this.sourceOptions = List.of(options);
    return this;
  }

  /** Both sides' {@code --timeout-s}. */
  public Migration timeoutSeconds(double seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** Cuts the connection after {@code bytes} bytes in {@code direction}. */
  public Migration cut(CuttingProxy.Direction direction, long bytes) {
    this.cutDirection = direction;
    this.cutAt = bytes;
    return this;
  }

  /** Runs it to the end of both processes. */
  public MigrationRun run() throws IOException, InterruptedException {
    Duration wait = Duration.ofSeconds((long) (timeoutSeconds * 6 + 60));
    String timeout = Double.toString(timeoutSeconds);
    try (MachineProcess destination = MachineProcess.start(
        destinationJar, log, "destination", "--listen", "127.0.0.1:0", "--timeout-s", timeout)) {
      Optional<String> listening = destination.awaitLine("LISTENING ", Duration.ofSeconds(60));
      if (listening.isEmpty()) {
        throw new IOException("the destination printed no LISTENING line: " + destination.stderr());
      }
      int port = Integer.parseInt(listening.get().substring("LISTENING ".length()).trim());
      CuttingProxy proxy = cutDirection == null
          ? null
          : new CuttingProxy(port, cutDirection, cutAt);
      try {
        List<String> args = new ArrayList<>(List.of("source", "--connect",
            "127.0.0.1:" + (proxy == null ? port : proxy.port()), "--timeout-s", timeout));
        args.addAll(sourceOptions);
        try (MachineProcess source =
            MachineProcess.start(sourceJar, log, args.toArray(String[]::new))) {
          int sourceExit = source.waitFor(wait);
          int destinationExit = destination.waitFor(wait);
          return new MigrationRun(
              source.stdout(), sourceExit, source.stderr(),
              destination.stdout(), destinationExit, destination.stderr(),
              proxy != null && proxy.wasCut(),
              proxy == null ? -1 : proxy.upstreamBytes(),
              proxy == null ? -1 : proxy.downstreamBytes());
        }
      } finally {
        if (proxy != null) {
          proxy.close();
        }
      }
    }
  }
}

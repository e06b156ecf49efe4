package io.chunkstate.migration;

import io.chunkstate.ChunkRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The destination side of a live migration: it answers the pre-flight offer, writes the bulk
 * pages into a machine that is not running, restores the device state all or nothing, and starts
 * the machine only on an intact commit. See docs/MIGRATION.md.
 */
public final class MigrationDestination {
  private final Builder builder;

  private MigrationDestination(Builder builder) {
    this.builder = builder;
  }

  /** A destination that reads the state of the codecs of {@code registry}. */
  public static Builder builder(ChunkRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Accepts one migration into {@code machine} over {@code socket}, which the session closes
   * when it ends. Whatever the source or the connection does, this returns an outcome and throws
   * nothing, for an {@link Error} that ends the session as well; the machine was started, once, if
   * and only if the outcome says it runs.
   */
  public DestinationOutcome accept(DestinationMachine machine, Socket socket) {
    Objects.requireNonNull(machine, "machine");
    Link link;
    try {
      link = Link.of(socket, builder.timeout);
    } catch (IOException e) {
      closeQuietly(socket);
      return unconnected(e);
    }
    return new DestinationSession(builder, machine, link).run();
  }

  /**
   * Accepts one migration over a connection given as its two directions, as {@link
   * #accept(DestinationMachine, Socket)} does; the session closes both when it ends. A wait on a
   * stream that passes the timeout closes both streams and interrupts this thread, for streams
   * that closing does not unblock.
   */
  public DestinationOutcome accept(DestinationMachine machine, InputStream in, OutputStream out) {
    Objects.requireNonNull(machine, "machine");
    return new DestinationSession(builder, machine, Link.of(in, out, builder.timeout)).run();
  }

  private static DestinationOutcome unconnected(IOException e) {
    return new DestinationOutcome(
        false,
        "the connection could not be used: " + e,
        new MigrationStats(0, 0, 0, Duration.ZERO, Duration.ZERO, List.of()));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // The session never started; the socket is given up either way.
    }
  }


  /** Settings of a {@link MigrationDestination}. */
  public static final class Builder {
    final ChunkRegistry registry;
    String producer = "chunkstate";
    Duration timeout = Duration.ofSeconds(30);
    MigrationListener listener = new MigrationListener() {};

    Builder(ChunkRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The producer named in each answer's {@code CHDR}. */
    public Builder producer(String producer) {
      this.producer = Objects.requireNonNull(producer, "producer");
      return this;
    }

    /**
     * How long the destination waits for the source at any step: each read and each write of
     * the connection (30 s by default). Any positive length: one longer than a socket's read
     * timeout can be (about 24 days) is bounded by the session's watchdog alone.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Who hears of the progress. */
    public Builder listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public MigrationDestination build() {
      return new MigrationDestination(this);
    }
  }
}

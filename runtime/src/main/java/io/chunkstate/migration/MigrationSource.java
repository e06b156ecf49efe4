package io.chunkstate.migration;

import io.chunkstate.ChunkRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The source side of a live migration: pre-flight, bulk transfer while the machine runs,
 * switch-over, commit. See docs/MIGRATION.md.
 *
 * <pre>{@code
 * SourceOutcome outcome = MigrationSource.builder(registry)
 *     .producer("vmm 2.0")
 *     .downtimeTarget(Duration.ofMillis(300))
 *     .listener(progress)
 *     .build()
 *     .migrate(machine, socket);
 * }</pre>
 */
public final class MigrationSource {
  private final Builder builder;

  private MigrationSource(Builder builder) {
    this.builder = builder;
  }

  /** A source that writes the state of the codecs of {@code registry}. */
  public static Builder builder(ChunkRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Migrates {@code machine} over {@code socket}, which the session closes when it ends. Whatever
   * the destination or the connection does, this returns an outcome and throws nothing: {@code
   * STOPPED} once the destination acknowledged the commit, {@code RUNNING} with the reason (the
   * machine never paused, or resumed as it was), or {@code IN_DOUBT}, paused, when the commit
   * was sent and no acknowledgment came. An {@link Error} that ends the session (an {@link
   * OutOfMemoryError}, or one the listener throws) becomes an outcome too: before the commit was
   * sent, the machine resumes. An exception of the machine's own {@link SourceMachine#resume()}
   * is the one thing that passes: the machine's state is then unknown.
   */
  public SourceOutcome migrate(SourceMachine machine, Socket socket) {
    Objects.requireNonNull(machine, "machine");
    Link link;
    try {
      link = Link.of(socket, builder.timeout);
    } catch (IOException e) {
      closeQuietly(socket);
      return unconnected(e);
    }
    return new SourceSession(builder, machine, link).run();
  }

  /**
   * Migrates {@code machine} over a connection given as its two directions, as {@link
   * #migrate(SourceMachine, Socket)} does; the session closes both when it ends. A wait on a
   * stream that passes the timeout closes both streams and interrupts this thread, for streams
   * that closing does not unblock.
   */
  public SourceOutcome migrate(SourceMachine machine, InputStream in, OutputStream out) {
    Objects.requireNonNull(machine, "machine");
    return new SourceSession(builder, machine, Link.of(in, out, builder.timeout)).run();
  }

  private static SourceOutcome unconnected(IOException e) {
    return new SourceOutcome(
        SourceOutcome.State.RUNNING,
        "the connection could not be used: " + e,
        List.of(),
        Optional.empty(),
        new MigrationStats(0, 0, 0, Duration.ZERO, Duration.ZERO, List.of()));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // The session never started; the socket is given up either way.
    }
  }


  /** Settings of a {@link MigrationSource}. */
  public static final class Builder {
    final ChunkRegistry registry;
    String producer = "chunkstate";
    Duration downtimeTarget = Duration.ofMillis(300);
    int maxRounds = 30;
    Duration timeout = Duration.ofSeconds(30);
    MigrationListener listener = new MigrationListener() {};

    Builder(ChunkRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The producer named in each message's {@code CHDR}. */
    public Builder producer(String producer) {
      this.producer = Objects.requireNonNull(producer, "producer");
      return this;
    }

    /**
     * The longest pause the bulk transfer aims for (300 ms by default): the rounds go on until
     * the pages still dirty could be sent in this time at the rate the last round measured.
     *
     * @throws IllegalArgumentException if {@code downtimeTarget} is negative
     */
    public Builder downtimeTarget(Duration downtimeTarget) {
      Objects.requireNonNull(downtimeTarget, "downtimeTarget");
      if (downtimeTarget.isNegative()) {
        throw new IllegalArgumentException("the downtime target is negative: " + downtimeTarget);
      }
      this.downtimeTarget = downtimeTarget;
      return this;
    }

    /**
     * The most rounds of the bulk transfer before the switch-over (30 by default), the first,
     * which sends every page, included.
     *
     * @throws IllegalArgumentException if {@code maxRounds} is less than 1
     */
    public Builder maxRounds(int maxRounds) {
      if (maxRounds < 1) {
        throw new IllegalArgumentException("at least one round: " + maxRounds);
      }
      this.maxRounds = maxRounds;
      return this;
    }

    /**
     * How long the source waits for the destination at any step: each read and each write of
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

    public MigrationSource build() {
      return new MigrationSource(this);
    }
  }
}

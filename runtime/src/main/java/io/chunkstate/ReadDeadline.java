package io.chunkstate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An input stream with a deadline for a whole read: a watchdog closes the underlying stream when
 * the deadline passes, which is the only way to unblock a read that is stalled inside {@link
 * InputStream#read}. It counts the bytes that pass, so a timeout can say where the read stood.
 */
final class ReadDeadline extends FilterInputStream {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int TIMED_OUT = 2;

  /** One daemon thread for every deadline in the process; it only ever closes streams. */
  private static final class Watchdog {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "chunkstate-read-deadline");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  private final Duration timeout;
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final ScheduledFuture<?> watchdog;
  private volatile long count;
  private volatile IOException closeFailure;

  ReadDeadline(InputStream in, Duration timeout) {
    super(in);
    this.timeout = timeout;
    this.watchdog =
        Watchdog.EXECUTOR.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void expire() {
    if (state.compareAndSet(RUNNING, TIMED_OUT)) {
      try {
        in.close();
      } catch (IOException e) {
        closeFailure = e;
      }
    }
  }

  /**
   * Ends the deadline. Returns true if the read finished in time; false if the deadline passed
   * first and the underlying stream was closed.
   */
  boolean finish() {
    if (state.compareAndSet(RUNNING, FINISHED)) {
      watchdog.cancel(false);
      return true;
    }
    return false;
  }

  /** The exception for a read that ran out of time; {@code failure} is what the read then hit. */
  InterruptedIOException timedOut(Throwable failure) {
    InterruptedIOException e =
        new InterruptedIOException(
            "the read timed out after " + timeout.toMillis() + " ms at stream offset " + count
                + "; the input stream was closed");
    e.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, count);
    if (failure != null) {
      e.initCause(failure);
    }
    if (closeFailure != null) {
      e.addSuppressed(closeFailure);
    }
    return e;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    count += Math.max(0, skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Does nothing: the caller's stream stays open unless the deadline passes. */
  @Override
  public void close() {}
}

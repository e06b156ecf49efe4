package io.chunkstate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An input stream with a deadline for a whole read, which holds for any {@link InputStream}.
 *
 * <p>Closing a stream does not unblock a read stalled inside every kind of stream (a {@code
 * PipedInputStream}, a process's pipe), so the reads are not made on the caller's thread: each
 * deadline has a thread of its own that calls {@code read} on the underlying stream, and the
 * caller waits for it no longer than the time left. When the deadline passes, the caller gets an
 * {@link InterruptedIOException} at once; the reading thread is interrupted and the underlying
 * stream is closed on yet another thread, so that a {@code close} that blocks holds up neither
 * the caller nor any other deadline. A read stuck in a stream that neither closing nor
 * interrupting can end keeps its own daemon thread until it returns; nothing else waits for it.
 *
 * <p>Each call reads no more bytes than it was asked for, so an embedded read leaves the bytes
 * after its stream unread. It counts the bytes that pass, so a timeout can say where the read
 * stood.
 */
public final class ReadDeadline extends InputStream {
  private static final int MAX_READ = 64 * 1024;

  private final InputStream in;
  private final Duration timeout;
  private final long startNanos;
  private final long timeoutNanos;
  private final ExecutorService reader;
  private byte[] scratch = new byte[0];
  private long count;
  private boolean timedOut;

  public ReadDeadline(InputStream in, Duration timeout) {
    this.in = in;
    this.timeout = timeout;
    this.startNanos = System.nanoTime();
    this.timeoutNanos = saturatedNanos(timeout);
    this.reader =
        Executors.newSingleThreadExecutor(
            task -> daemon(task, "chunkstate-read-deadline"));
  }

  /** {@code timeout} in nanoseconds, or {@link Long#MAX_VALUE} for one too long to count. */
  public static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private long nanosLeft() {
    // Elapsed time cannot overflow; the timeout may be Long.MAX_VALUE.
    return timeoutNanos - (System.nanoTime() - startNanos);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (timedOut) {
      throw timedOut(null);
    }
    int want = Math.min(len, MAX_READ);
    if (scratch.length < want) {
      scratch = new byte[want];
    }
    // The reading thread fills a buffer of its own: after a timeout, the caller's array is no
    // longer touched by a read that returns late.
    byte[] into = scratch;
    Future<Integer> pending = reader.submit(() -> in.read(into, 0, want));
    int n;
    try {
      long left = nanosLeft();
      if (left <= 0) {
        throw new TimeoutException();
      }
      n = pending.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      expire();
      throw timedOut(null);
    } catch (InterruptedException e) {
      pending.cancel(true);
      expire();
      Thread.currentThread().interrupt();
      throw timedOut(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
    if (n > 0) {
      System.arraycopy(into, 0, b, off, n);
      count += n;
    }
    return n;
  }

  /**
   * Gives up on the underlying stream: its reading thread is interrupted and it is closed on a
   * thread of its own, which nobody waits for.
   */
  private void expire() {
    timedOut = true;
    reader.shutdownNow();
    daemon(this::closeQuietly, "chunkstate-read-deadline-close").start();
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // The read has already failed with a timeout; a failing close adds nothing to it.
    }
  }

  /** Whether the deadline passed; the underlying stream has then been closed. */
  public boolean timedOut() {
    return timedOut;
  }

  /** Ends the deadline after a read that finished in time: the reading thread ends. */
  public void finish() {
    reader.shutdown();
  }

  /** The exception for a read that ran out of time; {@code failure} is what the read then hit. */
  public InterruptedIOException timedOut(Throwable failure) {
    InterruptedIOException e =
        new InterruptedIOException(
            "the read timed out after " + describe(timeout) + " at stream offset " + count
                + "; the input stream was closed");
    e.bytesTransferred = (int) Math.min(Integer.MAX_VALUE, count);
    if (failure != null) {
      e.initCause(failure);
    }
    return e;
  }

  private static String describe(Duration timeout) {
    long nanos = saturatedNanos(timeout);
    return nanos == Long.MAX_VALUE ? timeout.toString() : (nanos / 1_000_000) + " ms";
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Does nothing: the caller's stream stays open unless the deadline passes. */
  @Override
  public void close() {}
}

package io.chunkstate.migration;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A session's connection: buffered in both directions, counting the bytes that pass, and with a
 * watchdog that bounds every read and write by the session's timeout. When a read or write has
 * waited longer, the watchdog closes the connection, which ends the call, and interrupts the
 * session's thread (for streams that closing does not unblock); the call then fails with an
 * {@link InterruptedIOException} that names the step and the time.
 *
 * <p>The input is buffered for the whole session, so the bytes a read takes ahead of a
 * message's {@code CEND} stay in the buffer for the next message.
 */
final class Link implements Closeable {
  // The reader takes a page chunk's data 8 KiB at a time: each read of the connection serves
  // several. A chunk written whole (up to 64 KiB) passes the smaller output buffer.
  private static final int IN_BUFFER = 64 * 1024;
  private static final int OUT_BUFFER = 8 * 1024;

  private final Closeable[] resources;
  private final boolean interruptOwner;
  private final long timeoutNanos;
  private final Duration timeout;
  private final Thread owner;
  private final Thread watchdog;
  private final Object lock = new Object();
  private final InputStream in;
  private final OutputStream out;
  private long deadline;
  private boolean armed;
  private boolean expired;
  private boolean closed;
  private volatile String step = "the session";
  private long bytesIn;
  private long bytesOut;

  private Link(
      InputStream rawIn,
      OutputStream rawOut,
      Duration timeout,
      boolean interruptOwner,
      Closeable... resources) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
    this.resources = resources;
    this.interruptOwner = interruptOwner;
    this.timeout = timeout;
    this.timeoutNanos = saturatedNanos(timeout);
    this.owner = Thread.currentThread();
    this.in = new BufferedInputStream(new Counted(rawIn), IN_BUFFER);
    this.out = new BufferedOutputStream(new CountedOut(rawOut), OUT_BUFFER);
    this.watchdog = new Thread(this::watch, "chunkstate-migration-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * A link over {@code socket}: its read timeout is set too, unless the timeout is longer than a
   * socket takes (about 24 days), which leaves the watchdog alone to bound each read; the link
   * closes it.
   */
  static Link of(Socket socket, Duration timeout) throws IOException {
    long millis = saturatedMillis(timeout);
    socket.setSoTimeout(millis > Integer.MAX_VALUE ? 0 : (int) Math.max(1, millis));
    socket.setTcpNoDelay(true);
    return new Link(socket.getInputStream(), socket.getOutputStream(), timeout, false, socket);
  }

  /** A link over two streams, which the link closes. */
  static Link of(InputStream in, OutputStream out, Duration timeout) {
    return new Link(in, out, timeout, true, in, out);
  }

  private static long saturatedMillis(Duration timeout) {
    try {
      return timeout.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  /** The buffered input: the messages, one after another. */
  InputStream in() {
    return in;
  }

  /** The buffered output; each message is flushed when complete. */
  OutputStream out() {
    return out;
  }

  /** Names what the session is doing, for a timeout's message. */
  void step(String step) {
    this.step = step;
  }

  long bytesIn() {
    return bytesIn;
  }

  long bytesOut() {
    return bytesOut;
  }

  /** Whether the watchdog ended the connection. */
  boolean expired() {
    synchronized (lock) {
      return expired;
    }
  }

  private void arm() throws InterruptedIOException {
    synchronized (lock) {
      if (expired) {
        throw timedOut(null);
      }
      deadline = System.nanoTime() + timeoutNanos;
      armed = true;
    }
  }

  private void disarm() {
    synchronized (lock) {
      armed = false;
      if (expired && interruptOwner) {
        Thread.interrupted(); // the watchdog's interrupt was for the call that just ended
      }
    }
  }

  /** What a failed call becomes: a timeout if the watchdog caused it. */
  private IOException failed(IOException e) {
    synchronized (lock) {
      if (expired) {
        return timedOut(e);
      }
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return timedOut(e);
    }
    return e;
  }

  private InterruptedIOException timedOut(Throwable cause) {
    InterruptedIOException e =
        new InterruptedIOException(
            "the peer did not answer within " + saturatedMillis(timeout) + " ms at " + step);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private void watch() {
    long tick = Math.max(2_000_000L, Math.min(50_000_000L, timeoutNanos / 10));
    while (true) {
      synchronized (lock) {
        if (closed) {
          return;
        }
        if (armed && System.nanoTime() - deadline > 0) {
          expired = true;
          closeResources();
          if (interruptOwner) {
            owner.interrupt();
          }
          return;
        }
        try {
          lock.wait(tick / 1_000_000L, (int) (tick % 1_000_000L));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void closeResources() {
    for (Closeable resource : resources) {
      try {
        resource.close();
      } catch (IOException | RuntimeException e) {
        // The connection is being given up; a failing close changes nothing.
      }
    }
  }

  /** Closes the connection and ends the watchdog. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    closeResources();
  }

  /** The raw input, each read bounded by the watchdog. */
  private final class Counted extends InputStream {
    private final InputStream raw;

    Counted(InputStream raw) {
      this.raw = raw;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      try {
        int n = raw.read(b, off, len);
        if (n > 0) {
          bytesIn += n;
        }
        return n;
      } catch (IOException e) {
        throw failed(e);
      } finally {
        disarm();
      }
    }
  }

  /** The raw output, each write bounded by the watchdog. */
  private final class CountedOut extends OutputStream {
    private final OutputStream raw;

    CountedOut(OutputStream raw) {
      this.raw = raw;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      arm();
      try {
        raw.write(b, off, len);
        bytesOut += len;
      } catch (IOException e) {
        throw failed(e);
      } finally {
        disarm();
      }
    }

    @Override
    public void flush() throws IOException {
      arm();
      try {
        raw.flush();
      } catch (IOException e) {
        throw failed(e);
      } finally {
        disarm();
      }
    }
  }
}

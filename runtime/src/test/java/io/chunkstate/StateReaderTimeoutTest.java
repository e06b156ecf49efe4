package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Node;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link StateReader#read(InputStream, ChunkRegistry, Duration)}: a stalled or slow stream ends
 * in an {@link InterruptedIOException} that says how far the read got, and a stream that arrives
 * in time reads as without a timeout.
 */
class StateReaderTimeoutTest {
  private static final ChunkRegistry REGISTRY = TestCodecs.registry();
  private static final Duration SHORT = Duration.ofMillis(200);
  /** Only a guard against a hang: no test here waits nearly this long when the reader works. */
  private static final Duration HANG = Duration.ofSeconds(60);

  private static final Node NODES = new Node(0, new Node(1, new Node(2, new Node(3, null))));

  private static byte[] stream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "timeouts", REGISTRY)) {
      writer.write(NODES);
      writer.finish();
    }
    return out.toByteArray();
  }

  /**
   * Delivers {@code prefix}, then blocks in {@code read} until closed, as a socket whose peer has
   * gone quiet; a read after close fails as a socket's does.
   */
  static class StallingStream extends InputStream {
    private final byte[] prefix;
    private final CountDownLatch closed = new CountDownLatch(1);
    private int next;

    StallingStream(byte[] prefix) {
      this.prefix = prefix;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (next < prefix.length) {
        int n = Math.min(len, prefix.length - next);
        System.arraycopy(prefix, next, b, off, n);
        next += n;
        return n;
      }
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
      throw new IOException("Socket closed");
    }

    @Override
    public void close() {
      closed.countDown();
    }

    /** Whether the stream is closed within a few seconds: closing happens on its own thread. */
    boolean closesSoon() throws InterruptedException {
      return closed.await(10, TimeUnit.SECONDS);
    }
  }

  /** Reads {@code in} with a short timeout and returns the timeout; fails if the read hangs. */
  private static InterruptedIOException timesOut(InputStream in) {
    return assertTimeoutPreemptively(
        HANG,
        () ->
            assertThrows(
                InterruptedIOException.class, () -> StateReader.read(in, REGISTRY, SHORT)));
  }

  @Test
  void aStreamThatStallsMidChunkTimesOutAtTheOffsetReached() throws Exception {
    byte[] whole = stream();
    int stallAt = whole.length - 20;
    StallingStream in = new StallingStream(Arrays.copyOf(whole, stallAt));
    InterruptedIOException e = timesOut(in);
    assertEquals(stallAt, e.bytesTransferred);
    assertTrue(e.getMessage().contains("offset " + stallAt), e.getMessage());
    assertTrue(in.closesSoon(), "the stalled stream is closed at the deadline");
  }

  @Test
  void aStreamThatStallsBeforeTheSignatureTimesOut() {
    StallingStream in = new StallingStream(new byte[0]);
    InterruptedIOException e = timesOut(in);
    assertEquals(0, e.bytesTransferred);
  }

  @Test
  void aStreamThatNeverStopsTricklingTimesOut() {
    // A valid start, then a chunk that claims 2^31-1 bytes of data, delivered a byte at a time.
    byte[] start;
    try {
      byte[] whole = stream();
      start = Arrays.copyOf(whole, 8 + 12 + whole[11]); // the signature and CHDR
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    InputStream trickle =
        new InputStream() {
          private int next;
          private volatile boolean closed;

          @Override
          public int read() throws IOException {
            if (closed) {
              throw new IOException("Stream closed");
            }
            int at = next++;
            if (at < start.length) {
              return start[at] & 0xff;
            }
            if (at < start.length + 8) {
              return new byte[] {0x7f, -1, -1, -1, 'N', 'o', 'D', 'e'}[at - start.length] & 0xff;
            }
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException();
            }
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
              return 0;
            }
            int c = read();
            b[off] = (byte) c;
            return 1;
          }

          @Override
          public void close() {
            closed = true;
          }
        };
    InterruptedIOException e = timesOut(trickle);
    assertTrue(e.bytesTransferred > start.length + 8, e.getMessage());
  }

  @Test
  void aStreamThatArrivesInTimeReadsAsWithoutATimeoutAndStaysOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(stream()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    Snapshot snapshot = StateReader.read(in, REGISTRY, HANG);
    assertEquals(NODES, snapshot.get(Node.class)); // Node holds no arrays: equals is deep
    assertFalse(closed[0]);
  }

  @Test
  void badBytesStillFailAsChunkStreamExceptionBeforeTheDeadline() throws IOException {
    byte[] bytes = stream();
    bytes[bytes.length - 20] ^= 1; // inside the NoDe chunks: the CRC no longer matches
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> StateReader.read(new ByteArrayInputStream(bytes), REGISTRY, HANG));
    assertEquals(ChunkStreamException.Kind.CRC, e.kind());
  }

  @Test
  void aTimeoutMustBePositive() {
    InputStream in = new ByteArrayInputStream(new byte[0]);
    assertThrows(
        IllegalArgumentException.class, () -> StateReader.read(in, REGISTRY, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> StateReader.read(in, REGISTRY, Duration.ofSeconds(-1)));
  }

  /** Closing a PipedInputStream does not unblock a read waiting in it; the deadline holds all the same. */
  @Test
  void aPipeWhoseCloseDoesNotUnblockAReadStillTimesOut() throws IOException {
    byte[] whole = stream();
    PipedInputStream in = new PipedInputStream(whole.length);
    PipedOutputStream writer = new PipedOutputStream(in);
    writer.write(whole, 0, whole.length - 20); // the writer stays alive and silent
    long start = System.nanoTime();
    InterruptedIOException e = timesOut(in);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(whole.length - 20, e.bytesTransferred);
    assertTrue(took < 5_000, "timed out after " + took + " ms, for a 200 ms deadline");
    writer.close();
  }

  /** A stream whose close blocks forever, as a wedged device's may. */
  private static final class UnclosableStream extends StallingStream {
    final CountDownLatch closeCalled = new CountDownLatch(1);

    UnclosableStream(byte[] prefix) {
      super(prefix);
    }

    @Override
    public void close() {
      closeCalled.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aCloseThatBlocksHoldsUpNeitherItsReadNorAnyOtherDeadline() throws Exception {
    byte[] whole = stream();
    UnclosableStream stuck = new UnclosableStream(Arrays.copyOf(whole, 10));
    timesOut(stuck);
    assertTrue(stuck.closeCalled.await(10, TimeUnit.SECONDS), "close was tried");
    // The stuck close goes on; another read's deadline still holds, and a good read still reads.
    StallingStream other = new StallingStream(Arrays.copyOf(whole, 30));
    InterruptedIOException e = timesOut(other);
    assertEquals(30, e.bytesTransferred);
    assertTrue(other.closesSoon());
    assertEquals(NODES, StateReader.read(new ByteArrayInputStream(whole), REGISTRY, HANG).get(Node.class));
  }

  @Test
  void aTimeoutOfForeverIsNoTimeout() throws IOException {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    Snapshot snapshot = StateReader.read(new ByteArrayInputStream(stream()), REGISTRY, forever);
    assertEquals(NODES, snapshot.get(Node.class));
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE / 2);
    assertEquals(NODES, StateReader.read(new ByteArrayInputStream(stream()), REGISTRY, huge).get(Node.class));
  }

  /**
   * A complete stream on a connection that stays open (the peer waits for an answer): the
   * embedded read returns at CEND and leaves the rest unread; the whole-input read would wait.
   */
  @Test
  void anEmbeddedReadReturnsAtCendOnAConnectionThatStaysOpen() throws Exception {
    byte[] whole = stream();
    byte[] next = {'n', 'e', 'x', 't'};
    byte[] both = new byte[whole.length + next.length];
    System.arraycopy(whole, 0, both, 0, whole.length);
    System.arraycopy(next, 0, both, whole.length, next.length);
    StallingStream open = new StallingStream(both);
    Snapshot snapshot =
        assertTimeoutPreemptively(
            HANG,
            () -> StateReader.readEmbedded(open, REGISTRY, ReadOptions.defaults().withTimeout(HANG)));
    assertEquals(NODES, snapshot.get(Node.class));
    byte[] rest = new byte[4];
    assertEquals(4, open.read(rest, 0, 4), "the bytes after CEND are left unread");
    assertEquals("next", new String(rest, java.nio.charset.StandardCharsets.US_ASCII));

    // Without a deadline too, and one byte at a time.
    InputStream trickle = io.chunkstate.testing.Sources.ONE_BYTE_AT_A_TIME.open(both);
    assertEquals(NODES, StateReader.readEmbedded(trickle, REGISTRY).get(Node.class));
    assertEquals('n', trickle.read());

    // The whole-input read of the same open connection waits for the end, and times out.
    InterruptedIOException e = timesOut(new StallingStream(whole));
    assertEquals(whole.length, e.bytesTransferred);
  }
}

package io.chunkstate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a whole state stream and checks all of it before returning anything: the signature,
 * every CRC, the structure rules of SPEC §3, unknown critical chunks at every depth, and {@code
 * CEND}. Either the returned {@link Snapshot} holds the complete state, or a {@link
 * ChunkStreamException} says what is wrong and where. The methods keep no state between calls
 * and may be called from several threads at once, each with its own input.
 *
 * <pre>{@code
 * Snapshot snapshot = StateReader.read(in, ChunkRegistry.load());
 * UartState uart = snapshot.get(UartState.class);
 * }</pre>
 *
 * <p>Two kinds of read (SPEC §3). A <em>whole-input</em> read ({@code read}) owns its input to
 * the end and checks that nothing follows {@code CEND}. An <em>embedded</em> read ({@code
 * readEmbedded}) reads a stream carried inside a longer byte sequence, such as a connection that
 * stays open: it stops right after {@code CEND}'s CRC, never reads a byte past it, and never
 * waits for the end of the input.
 *
 * <p>What a read may allocate is bounded by its {@link ReadOptions}: a stream that would pass the
 * allocation budget fails with {@code LIMIT} before the allocation.
 */
public final class StateReader {
  // An estimate of the heap bytes a decoded state's place in a snapshot takes.
  private static final int STATE_BYTES = 64;
  // What a LIMIT error calls that place.
  private static final String A_STATE = "a decoded state";
  // Room for the first states of a snapshot, then twice as much each time it fills: small
  // streams, such as one device's, are common.
  private static final int FIRST_STATES = 4;
  // A stream in an array makes room at first for a state per this many of its bytes, up to
  // MOST_STATES: a device's chunk takes a hundred bytes or more, so most snapshots of an array
  // never grow, and the room is a small part of the array however many chunks it holds.
  private static final int BYTES_A_STATE = 128;
  private static final int MOST_STATES = 1024;

  private StateReader() {}

  /**
   * Reads and checks the whole stream from {@code in}, up to and including {@code CEND} and the
   * end of the stream, with {@link ReadOptions#defaults()}. Does not close {@code in}.
   *
   * @throws ChunkStreamException for any stream that breaks the format
   * @throws IOException if {@code in} fails
   */
  public static Snapshot read(InputStream in, ChunkRegistry registry) throws IOException {
    return read(in, registry, ReadOptions.defaults());
  }

  /**
   * Reads and checks the whole stream from {@code in}, as {@link #read(InputStream,
   * ChunkRegistry)} does, but gives up when {@code timeout} has passed: a stream that stalls, or
   * that trickles bytes too slowly to finish in time, cannot hold the caller forever.
   *
   * <p>The deadline holds for any {@code InputStream}: the bytes are read on a thread of the
   * deadline's own, which the caller does not wait for past the deadline. At the deadline this
   * method throws an {@link InterruptedIOException} whose {@link
   * InterruptedIOException#bytesTransferred bytesTransferred} and message give the stream offset
   * reached, and {@code in} is closed on another thread. A timeout is not a {@link
   * ChunkStreamException}: nothing is known to be wrong with the bytes, only that they did not
   * arrive in time, so a caller may retry where it would give up on a broken stream. If the read
   * finishes in time, {@code in} is left open, as by the other overload.
   *
   * @param timeout how long the whole read may take; positive; {@link
   *     java.time.temporal.ChronoUnit#FOREVER}'s duration is accepted and never passes
   * @throws ChunkStreamException for any stream that breaks the format, read before the deadline
   * @throws InterruptedIOException if the deadline passed first; {@code in} is then closed
   * @throws IOException if {@code in} fails
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public static Snapshot read(InputStream in, ChunkRegistry registry, Duration timeout)
      throws IOException {
    Objects.requireNonNull(timeout, "timeout");
    return read(in, registry, ReadOptions.defaults().withTimeout(timeout));
  }

  /**
   * Reads and checks the whole stream from {@code in}, up to and including {@code CEND} and the
   * end of the stream, within the limits of {@code options}. Does not close {@code in}, unless a
   * timeout passes (see {@link #read(InputStream, ChunkRegistry, Duration)}).
   *
   * @throws ChunkStreamException for any stream that breaks the format, or passes a limit
   * @throws InterruptedIOException if the options' timeout passed first
   * @throws IOException if {@code in} fails
   */
  public static Snapshot read(InputStream in, ChunkRegistry registry, ReadOptions options)
      throws IOException {
    return read(in, registry, options, true);
  }

  /**
   * Reads and checks one stream embedded in {@code in} (SPEC §3): from the signature to {@code
   * CEND}'s CRC, and not one byte further, with {@link ReadOptions#defaults()}. The bytes after
   * the stream stay unread in {@code in}, which is not closed: the next message of a session, for
   * example.
   *
   * @throws ChunkStreamException for any stream that breaks the format
   * @throws IOException if {@code in} fails
   */
  public static Snapshot readEmbedded(InputStream in, ChunkRegistry registry) throws IOException {
    return readEmbedded(in, registry, ReadOptions.defaults());
  }

  /**
   * Reads and checks one stream embedded in {@code in}, as {@link #readEmbedded(InputStream,
   * ChunkRegistry)} does, within the limits of {@code options}.
   *
   * @throws ChunkStreamException for any stream that breaks the format, or passes a limit
   * @throws InterruptedIOException if the options' timeout passed first
   * @throws IOException if {@code in} fails
   */
  public static Snapshot readEmbedded(InputStream in, ChunkRegistry registry, ReadOptions options)
      throws IOException {
    return read(in, registry, options, false);
  }

  /**
   * Reads and checks the whole stream in {@code bytes}, decoding chunk data in place, with {@link
   * ReadOptions#defaults()}.
   *
   * @throws ChunkStreamException for any stream that breaks the format
   */
  public static Snapshot read(byte[] bytes, ChunkRegistry registry) throws ChunkStreamException {
    return read(bytes, registry, ReadOptions.defaults());
  }

  /**
   * Reads and checks the whole stream in {@code bytes}, decoding chunk data in place, within the
   * limits of {@code options} (a timeout does not apply: the bytes are all there).
   *
   * @throws ChunkStreamException for any stream that breaks the format, or passes a limit
   */
  public static Snapshot read(byte[] bytes, ChunkRegistry registry, ReadOptions options)
      throws ChunkStreamException {
    StateStream.requireArguments(bytes, "bytes", registry, options);
    States states = new States(room(bytes.length, options));
    // One loop over the array for as long as the chunks are regular; a stream's steps from the
    // first chunk that is not.
    try (StateStream rest =
        StateStream.readInPlace(bytes, registry, options, STATE_BYTES, states)) {
      return rest == null ? states.snapshot() : readAll(rest, states);
    } catch (ChunkStreamException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError(e); // a byte array source does no I/O
    }
  }

  private static Snapshot read(
      InputStream in, ChunkRegistry registry, ReadOptions options, boolean wholeInput)
      throws IOException {
    try (StateStream stream = StateStream.open(in, registry, options, wholeInput, false)) {
      return readAll(stream, new States(FIRST_STATES));
    }
  }

  /**
   * The room a snapshot of a stream of {@code bytes} bytes makes for states at first: no more
   * than the budget lets states fill, since each is charged {@code STATE_BYTES} as it is read.
   */
  private static int room(int bytes, ReadOptions options) {
    long room = Math.min(MOST_STATES, bytes / BYTES_A_STATE);
    return (int) Math.max(FIRST_STATES, Math.min(room, options.allocationBudget() / STATE_BYTES));
  }

  /**
   * The snapshot of {@code states} and every state left in {@code stream}, which holds them all:
   * its budget covers the whole stream. The stream's header is the snapshot's.
   */
  private static Snapshot readAll(StateStream stream, States states) throws IOException {
    while (true) {
      // From an input stream, each run of regular chunks in one loop; every other chunk, and
      // every chunk left in an array, in the stream's steps.
      stream.readRegular(STATE_BYTES, states);
      Object state = stream.nextState(STATE_BYTES, A_STATE);
      if (state == null) {
        break;
      }
      states.state(state, stream.offset());
    }
    states.end(stream.producer(), stream.formatMinor(), stream.takeSkipped());
    return states.snapshot();
  }

  /** The states of a snapshot as they are read, with their offsets and the stream's header. */
  private static final class States implements StateStream.Reading {
    private Object[] states;
    private long[] offsets;
    private int count;
    private String producer;
    private int formatMinor;
    private List<SkippedChunk> skipped;

    States(int room) {
      states = new Object[room];
      offsets = new long[room];
    }

    @Override
    public void state(Object state, long offset) {
      int at = count;
      if (at == states.length) {
        grow();
      }
      states[at] = state;
      offsets[at] = offset;
      count = at + 1;
    }

    // Apart from state(), which stays small enough for a read's loop to take in.
    private void grow() {
      states = Arrays.copyOf(states, 2 * count);
      offsets = Arrays.copyOf(offsets, 2 * count);
    }

    @Override
    public void end(String producer, int formatMinor, List<SkippedChunk> skipped) {
      this.producer = producer;
      this.formatMinor = formatMinor;
      this.skipped = skipped;
    }

    Snapshot snapshot() {
      return new Snapshot(producer, formatMinor, states, count, offsets, skipped);
    }
  }
}

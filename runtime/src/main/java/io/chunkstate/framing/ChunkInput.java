package io.chunkstate.framing;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.internal.Budget;
import io.chunkstate.internal.FrameReader;
import io.chunkstate.internal.Limits;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The low-level chunk reader: checks a signature, then reads top-level chunks one at a time,
 * checking each one's length, type bytes and CRC-32 before handing its data out.
 *
 * <p>It knows the framing only (SPEC §1–2), not what chunks mean or in which order they come, so
 * it walks a PNG file as readily as a chunkstate stream:
 *
 * <pre>{@code
 * try (ChunkInput input = ChunkInput.open(in, Signature.PNG)) {
 *   for (RawChunk chunk; (chunk = input.next()) != null; ) {
 *     System.out.println(chunk.type().code() + " at " + chunk.offset() + ", " + chunk.length());
 *   }
 * }
 * }</pre>
 *
 * <p>It checks no order: not {@code CHDR} or {@code CEND}, and for a PNG not {@code IEND}
 * either. Chunks after a PNG's {@code IEND} are returned like any other, a file without {@code
 * IEND} ends where its last chunk ends, and stray bytes after the last chunk are a chunk header
 * cut short ({@code TRUNCATED}).
 *
 * <p>A declared length is never trusted with memory: data from an {@code InputStream} is
 * buffered as it arrives, so a stream that claims 2 GiB but holds 50 bytes costs a few kilobytes
 * and fails with {@code TRUNCATED}. That buffer is charged to an allocation budget, as a state
 * reader's is (by default a quarter of the heap, {@link #open(InputStream, Signature, long)} to
 * set it), for each chunk in turn: a chunk too large for it fails with {@code LIMIT} at its offset
 * and path, never with an {@code OutOfMemoryError}. What a caller keeps of the chunks it was
 * handed is its own. Over a byte array, data is not copied at all. It reads exactly the bytes it
 * needs from an {@code InputStream}, never ahead.
 *
 * <p>A chunk whose data need not be held is read in two steps: {@link #nextHeader()}, then {@link
 * #skipData()} or {@link #copyData(OutputStream)}, which stream the data through its CRC in
 * constant memory, whatever its length; or {@link #readData()}, as {@link #next()} reads it. A
 * caller that must hold a chunk can look at its {@link Header#length()} first.
 *
 * <p>After a CRC mismatch the input stands at the next chunk, and reading may go on. After any
 * other failure it stands inside a header or a chunk's data, and every later read throws {@code
 * IllegalStateException}.
 *
 * <p>It is not safe for use by several threads at once.
 */
public final class ChunkInput implements Closeable {
  private final FrameReader frames;
  // Whether nextHeader() read a header whose data is still unread.
  private boolean pendingData;
  // What left the input at no chunk boundary: a failure inside a header or a chunk's data.
  private ChunkStreamException stranded;

  /** The length and type of a chunk whose data is still unread, and where it stands. */
  public record Header(ChunkType type, long offset, int length) {}

  private ChunkInput(FrameReader frames) {
    this.frames = frames;
  }

  /**
   * Reads and checks the signature at the start of {@code in}; each chunk's data is buffered
   * within the default allocation budget of a read, a quarter of the heap the JVM may use.
   *
   * @throws ChunkStreamException of kind {@code SIGNATURE} if the first eight bytes differ
   */
  public static ChunkInput open(InputStream in, Signature signature) throws IOException {
    return open(in, signature, Limits.defaultAllocationBudget());
  }

  /**
   * Reads and checks the signature at the start of {@code in}; each chunk's data is buffered
   * within {@code allocationBudget} bytes, with the buffer's growth as it arrives: a chunk that
   * would take more fails {@link #next()} or {@link #readData()} with {@code LIMIT}.
   *
   * @throws ChunkStreamException of kind {@code SIGNATURE} if the first eight bytes differ
   * @throws IllegalArgumentException if {@code allocationBudget} is not positive
   */
  public static ChunkInput open(InputStream in, Signature signature, long allocationBudget)
      throws IOException {
    Objects.requireNonNull(in, "in");
    return new ChunkInput(
        frames(in, signature, allocationBudget, "ChunkInput.open(in, signature, allocationBudget)"));
  }

  /**
   * The frames of {@code in} after its signature, each chunk's buffer charged to a budget of
   * {@code allocationBudget} bytes, which a caller raises with {@code raiseWith}.
   *
   * @throws IllegalArgumentException if {@code allocationBudget} is not positive
   */
  static FrameReader frames(
      InputStream in, Signature signature, long allocationBudget, String raiseWith)
      throws IOException {
    if (allocationBudget <= 0) {
      throw new IllegalArgumentException(
          "the allocation budget must be positive, got " + allocationBudget);
    }
    FrameReader frames = FrameReader.open(in, signature.raw());
    frames.chargeTo(Budget.raisedWith(allocationBudget, raiseWith));
    return frames;
  }

  /**
   * Reads and checks the signature at the start of {@code bytes}; the chunks' data is read in
   * place, without copying.
   *
   * @throws ChunkStreamException of kind {@code SIGNATURE} if the first eight bytes differ
   */
  public static ChunkInput open(byte[] bytes, Signature signature) throws ChunkStreamException {
    Objects.requireNonNull(bytes, "bytes");
    return new ChunkInput(FrameReader.open(bytes, signature.raw()));
  }

  /**
   * The stream offset of the next byte to read: after {@link #next()}, the end of that chunk; after
   * {@link #nextHeader()}, the start of its data.
   */
  public long position() {
    return frames.position();
  }

  /**
   * Reads the next chunk, or returns {@code null} if the stream ends exactly where a chunk would
   * begin.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside the chunk, {@code
   *     LENGTH} if its length exceeds 2^31−1, {@code TYPE} if a type byte is not a letter, {@code
   *     CRC} if the CRC does not match, {@code LIMIT} if buffering its data from an input stream
   *     would pass the allocation budget
   * @throws IllegalStateException if {@link #nextHeader()} left a chunk's data unread, or an
   *     earlier failure left the input inside a chunk
   */
  public RawChunk next() throws IOException {
    return nextHeader() == null ? null : readData();
  }

  /**
   * Reads and checks the length and type of the next chunk, leaving its data unread for {@link
   * #readData()}, {@link #skipData()} or {@link #copyData(OutputStream)}; returns {@code null} if
   * the stream ends exactly where a chunk would begin.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside the header, {@code
   *     LENGTH} if its length exceeds 2^31−1, {@code TYPE} if a type byte is not a letter
   * @throws IllegalStateException if the data of the chunk before is still unread
   */
  public Header nextHeader() throws IOException {
    requireUsable();
    if (pendingData) {
      throw new IllegalStateException("the data of the chunk at " + frames.pendingStart()
          + " is unread: read, skip or copy it first");
    }
    try {
      if (!frames.nextHeader()) {
        return null;
      }
    } catch (ChunkStreamException e) {
      stranded = e;
      throw e;
    }
    pendingData = true;
    return new Header(
        ChunkType.of(frames.pendingType()), frames.pendingStart(), frames.pendingLength());
  }

  /**
   * Reads and checks the data and CRC of the chunk whose header {@link #nextHeader()} read, and
   * returns the whole chunk, as {@link #next()} does.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside the chunk, {@code
   *     CRC} if the CRC does not match
   * @throws IllegalStateException if no header was read, or its data already was
   */
  public RawChunk readData() throws IOException {
    takePending();
    try {
      return new RawChunk(frames.readData());
    } catch (ChunkStreamException e) {
      throw strandedUnlessCrc(e);
    }
  }

  /**
   * Reads the data of the chunk whose header {@link #nextHeader()} read through its CRC and
   * checks it, holding no more than a small buffer: for a chunk that is not needed.
   *
   * @throws ChunkStreamException as {@link #readData()}
   * @throws IllegalStateException as {@link #readData()}
   */
  public void skipData() throws IOException {
    takePending();
    try {
      frames.skipData();
    } catch (ChunkStreamException e) {
      throw strandedUnlessCrc(e);
    }
  }

  /**
   * Reads the data of the chunk whose header {@link #nextHeader()} read through its CRC, as
   * {@link #skipData()} does, writing it to {@code sink} as it passes: for a chunk whose data is
   * looked at, not held. The data reaches {@code sink} before its CRC is checked, so after an
   * exception {@code sink} may hold part of it.
   *
   * @throws ChunkStreamException as {@link #readData()}
   * @throws IllegalStateException as {@link #readData()}
   */
  public void copyData(OutputStream sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    takePending();
    try {
      frames.copyData(sink);
    } catch (ChunkStreamException e) {
      throw strandedUnlessCrc(e);
    }
  }

  /**
   * {@code e}, from a chunk's data: after a CRC mismatch the input stands at the next chunk, after
   * anything else (the data cut short, or past the budget) inside this one, where it cannot go on.
   */
  private ChunkStreamException strandedUnlessCrc(ChunkStreamException e) {
    if (e.kind() != ChunkStreamException.Kind.CRC) {
      stranded = e;
    }
    return e;
  }

  private void requireUsable() {
    if (stranded != null) {
      throw new IllegalStateException(
          "the input stopped inside a chunk (" + stranded.getMessage() + "), where it cannot go"
              + " on",
          stranded);
    }
  }

  private void takePending() {
    requireUsable();
    if (!pendingData) {
      throw new IllegalStateException("no chunk header was read whose data is unread");
    }
    pendingData = false;
  }

  /**
   * Checks that the stream has ended.
   *
   * @throws ChunkStreamException {@code TRAILING_DATA} at the current position if any byte
   *     follows
   */
  public void requireEnd() throws IOException {
    frames.requireEnd();
  }

  /** Closes the underlying input stream, if there is one. */
  @Override
  public void close() throws IOException {
    frames.close();
  }
}

package io.chunkstate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
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
 */
public final class StateReader {
  private StateReader() {}

  /**
   * Reads and checks the whole stream from {@code in}, up to and including {@code CEND} and the
   * end of the stream. Does not close {@code in}.
   *
   * @throws ChunkStreamException for any stream that breaks the format
   * @throws IOException if {@code in} fails
   */
  public static Snapshot read(InputStream in, ChunkRegistry registry) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(registry, "registry");
    return read(ChunkInput.open(in, Signature.CHUNKSTATE), registry);
  }

  /**
   * Reads and checks the whole stream from {@code in}, as {@link #read(InputStream,
   * ChunkRegistry)} does, but gives up when {@code timeout} has passed: a stream that stalls, or
   * that trickles bytes too slowly to finish in time, cannot hold the caller forever.
   *
   * <p>At the deadline a watchdog thread closes {@code in}, which unblocks a read stalled inside
   * it (as closing does for sockets, pipes and channels), and this method throws an {@link
   * InterruptedIOException} whose {@link InterruptedIOException#bytesTransferred bytesTransferred}
   * and message give the stream offset reached. A timeout is not a {@link ChunkStreamException}:
   * nothing is known to be wrong with the bytes, only that they did not arrive in time, so a caller
   * may retry where it would give up on a broken stream. If the read finishes in time, {@code in}
   * is left open, as by the other overload.
   *
   * @param timeout how long the whole read may take; positive
   * @throws ChunkStreamException for any stream that breaks the format, read before the deadline
   * @throws InterruptedIOException if the deadline passed first; {@code in} is then closed
   * @throws IOException if {@code in} fails
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public static Snapshot read(InputStream in, ChunkRegistry registry, Duration timeout)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    ReadDeadline deadline = new ReadDeadline(in, timeout);
    Snapshot snapshot;
    try {
      snapshot = read(deadline, registry);
    } catch (IOException e) {
      // After the deadline, the closed stream fails the read or makes it end early.
      if (deadline.finish()) {
        throw e;
      }
      throw deadline.timedOut(e);
    } catch (RuntimeException | Error e) {
      deadline.finish();
      throw e;
    }
    if (deadline.finish()) {
      return snapshot;
    }
    throw deadline.timedOut(null);
  }

  /**
   * Reads and checks the whole stream in {@code bytes}, decoding chunk data in place.
   *
   * @throws ChunkStreamException for any stream that breaks the format
   */
  public static Snapshot read(byte[] bytes, ChunkRegistry registry) throws ChunkStreamException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(registry, "registry");
    try {
      return read(ChunkInput.open(bytes, Signature.CHUNKSTATE), registry);
    } catch (ChunkStreamException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError(e); // a byte array source does no I/O
    }
  }

  private static Snapshot read(ChunkInput input, ChunkRegistry registry) throws IOException {
    RawChunk header = input.next();
    if (header == null) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.TRUNCATED,
          input.position(),
          "",
          "the stream ends after the signature, where CHDR should begin");
    }
    if (!header.type().equals(ChunkType.CHDR)) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.STRUCTURE,
          header.offset(),
          header.type().code(),
          "the first chunk must be CHDR, found " + header.type().code());
    }
    WireReader chdr = header.reader();
    int major = Short.toUnsignedInt(chdr.readShort());
    int minor = Short.toUnsignedInt(chdr.readShort());
    if (major != StateWriter.FORMAT_MAJOR) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.VERSION,
          header.offset(),
          "CHDR",
          "format version " + major + "." + minor + " is not readable: this reader knows major "
              + StateWriter.FORMAT_MAJOR);
    }
    String producer = chdr.readString();
    if (producer == null) {
      throw chdr.dataError("the producer name is null");
    }
    // Bytes after the producer name belong to later minor versions: ignored.

    List<Object> states = new ArrayList<>();
    List<SkippedChunk> skipped = new ArrayList<>();
    while (true) {
      long at = input.position();
      RawChunk chunk = input.next();
      if (chunk == null) {
        throw new ChunkStreamException(
            ChunkStreamException.Kind.TRUNCATED,
            at,
            "",
            "the stream ends where a chunk should begin, without CEND");
      }
      ChunkCodec<?> codec = registry.codecFor(chunk.typeValue());
      if (codec != null) {
        states.add(decode(codec, WireReader.forChunk(chunk, skipped)));
        continue;
      }
      ChunkType type = chunk.type();
      if (type.equals(ChunkType.CEND)) {
        if (chunk.length() != 0) {
          throw new ChunkStreamException(
              ChunkStreamException.Kind.STRUCTURE,
              chunk.offset(),
              "CEND",
              "CEND must have no data, but has length " + chunk.length());
        }
        input.requireEnd();
        return new Snapshot(producer, minor, states, skipped);
      }
      if (type.equals(ChunkType.CHDR)) {
        throw new ChunkStreamException(
            ChunkStreamException.Kind.STRUCTURE,
            chunk.offset(),
            "CHDR",
            "CHDR appears a second time");
      }
      if (type.isAncillary()) {
        skipped.add(new SkippedChunk(type, chunk.offset(), chunk.length(), type.code()));
      } else {
        throw new ChunkStreamException(
            ChunkStreamException.Kind.UNKNOWN_CRITICAL,
            chunk.offset(),
            type.code(),
            "critical chunk " + type.code() + " is not known to this reader"
                + (type.isReservedBitSet() ? " (its reserved bit is set)" : ""));
      }
    }
  }

  private static Object decode(ChunkCodec<?> codec, WireReader in) throws ChunkStreamException {
    Object state = codec.decode(in);
    if (in.hasRemaining()) {
      // A codec must consume its chunk; one that stops early would hide data from the check.
      throw new ChunkStreamException(
          ChunkStreamException.Kind.LENGTH,
          in.chunkOffset(),
          in.path(),
          in.remaining() + " bytes of data were left unread by " + codec.getClass().getName());
    }
    if (state == null) {
      throw in.dataError(codec.getClass().getName() + " decoded null");
    }
    return state;
  }
}

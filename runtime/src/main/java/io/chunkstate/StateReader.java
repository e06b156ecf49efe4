package io.chunkstate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a whole state stream and checks all of it before returning anything: the signature,
 * every CRC, the structure rules of SPEC §3, unknown critical chunks at every depth, and {@code
 * CEND}. Either the returned {@link Snapshot} holds the complete state, or a {@link
 * ChunkStreamException} says what is wrong and where.
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

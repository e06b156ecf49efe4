package io.chunkstate;

import io.chunkstate.internal.Access;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Scope;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Decodes framed chunks one at a time, outside a stream, as {@link WireWriter#writeChunk} writes
 * them: each checked as a stream's reader checks a top-level chunk (its length, type and CRC, that
 * it fills the array and is of the codec's type), then decoded by the codec to its last byte. A
 * decoder keeps its reader, its {@code CRC32} and its allocation budget from one chunk to the
 * next, as a {@link WireWriter} kept across chunks keeps its buffer, so that a chunk decoded
 * allocates only what its state holds; {@link WireReader#ofChunk} makes all three for each chunk.
 *
 * <p>Each chunk is a read of its own: its allocation budget, nesting limit and longest chunk are
 * those of the decoder's {@link ReadOptions} (the options' limits on a whole stream, and their
 * timeout, do not apply), and offsets in its errors count from the chunk's first byte. The chunk's
 * array must not change while it is decoded.
 *
 * <p>A decoder is not safe for use by several threads at once, nor from within a codec it is
 * decoding with.
 */
public final class ChunkDecoder {
  private static final Access.Opener<WireReader> READERS = Access.opener(WireReader.class);

  private final int maxChunkLength;
  private final Scope scope;
  private final WireReader reader;

  /** A decoder with the limits of {@link ReadOptions#defaults()}. */
  public ChunkDecoder() {
    this(ReadOptions.defaults());
  }

  /** A decoder with the allocation budget, nesting limit and longest chunk of {@code options}. */
  public ChunkDecoder(ReadOptions options) {
    Objects.requireNonNull(options, "options");
    this.maxChunkLength = options.maxChunkLength();
    this.scope = StateStream.scope(options, Framing.newCrc());
    this.reader = READERS.open(scope);
  }

  /**
   * Checks the one framed chunk that fills {@code chunk} and decodes it with {@code codec}.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the bytes end before the chunk does, {@code
   *     LENGTH} for a length above 2^31-1 or data the codec left unread, {@code TYPE} if its type
   *     bytes are not letters, {@code CRC} for a damaged chunk, {@code TRAILING_DATA} for bytes
   *     after its CRC, {@code STRUCTURE} for a chunk of another type than the codec's, {@code
   *     LIMIT} for data longer than the options' longest chunk or a state past the allocation
   *     budget, and what the codec throws for data that breaks the format
   */
  public <T> T decode(ChunkCodec<T> codec, byte[] chunk) throws ChunkStreamException {
    int type = codec.type().value();
    Objects.requireNonNull(chunk, "chunk");
    scope.startOver();
    int length = Framing.filledChunkLength(chunk, type, scope.crc());
    if (length > maxChunkLength) {
      throw StateStream.tooLong(0, type, length, maxChunkLength);
    }
    return StateStream.decode(codec, READERS.moveTo(reader, chunk, 8, length, type, 0));
  }

  /**
   * The unknown ancillary sub-chunks that the last {@link #decode} skipped, at every depth, in
   * order; empty before the first.
   */
  public List<SkippedChunk> skipped() {
    return Collections.unmodifiableList(scope.skippedSoFar());
  }
}

package io.chunkstate;

/**
 * Encodes and decodes the data of one chunk type. The annotation processor generates one for
 * every {@code @Chunk} class ({@code p.FooChunkCodec} for {@code p.Foo}) and registers it for
 * {@link java.util.ServiceLoader}; a codec may also be written by hand.
 *
 * <p>A codec reads and writes the chunk's <em>data</em> only: the length, type and CRC around it
 * are the framing's business ({@link WireWriter#writeChunk}, {@link WireReader#nextSubChunk}).
 * Codecs are stateless and safe to share between threads.
 *
 * @param <T> the state class
 */
public interface ChunkCodec<T> {
  /** The chunk type this codec reads and writes. */
  ChunkType type();

  /** The class whose state this codec reads and writes. */
  Class<T> stateClass();

  /**
   * Writes the data of {@code state}'s chunk: its inline fields, then its sub-chunks, framed.
   *
   * @throws IllegalArgumentException if the state holds a value the format cannot encode, such
   *     as a string with an unpaired surrogate
   */
  void encode(T state, WireWriter out);

  /**
   * Reads the data of one chunk of this type, all of it, and returns a new object. Unknown
   * ancillary sub-chunks are recorded in {@link WireReader#skipped()}; anything else the codec
   * does not understand fails.
   *
   * @throws ChunkStreamException if the data is not a valid encoding of this type
   */
  T decode(WireReader in) throws ChunkStreamException;

  /**
   * Whether {@link #decodeInto} is supported: true for mutable classes, false for records and
   * other classes whose fields cannot be set.
   */
  default boolean canDecodeInto() {
    return false;
  }

  /**
   * Reads the data of one chunk of this type into an existing object. The whole chunk is read and
   * checked first: if this throws, {@code target} is unchanged.
   *
   * @throws ChunkStreamException if the data is not a valid encoding of this type
   * @throws UnsupportedOperationException if {@link #canDecodeInto()} is false
   */
  default void decodeInto(T target, WireReader in) throws ChunkStreamException {
    throw new UnsupportedOperationException(
        stateClass().getName() + " cannot be decoded into an existing instance");
  }
}

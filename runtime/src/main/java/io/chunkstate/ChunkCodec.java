package io.chunkstate;

import io.chunkstate.schema.TypeDescription;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.Optional;

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
   * What this codec's chunk type is, without its class: inline fields, sub-chunk fields, layout
   * fingerprint (SPEC §8). Generated codecs return it; a hand-written codec may have none.
   */
  default Optional<TypeDescription> description() {
    return Optional.empty();
  }

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
   * The key that tells this state apart from other instances of its type (a PCI address, a port
   * number): the value of the field the type declares as its key, or {@code null} for a type
   * without one, whose instances a restore matches in order. Keys of one type are compared with
   * {@code equals}.
   */
  default Object key(T state) {
    return null;
  }

  /**
   * Why {@code decoded} cannot be {@linkplain #apply applied} to {@code target} in place, or
   * {@code null} if it can: for example a {@code final} array of the target whose length differs
   * from the decoded one's, which apply fills in place and cannot replace. A restore asks before
   * it applies anything, and refuses the stream with a {@code DATA} error carrying this text.
   * Nested objects that apply restores in place are asked too.
   */
  default String applyMismatch(T decoded, T target) {
    return null;
  }

  /**
   * Whether {@link #apply} and {@link #decodeInto} are supported: true for mutable classes, false
   * for records and other classes whose fields cannot be set.
   */
  default boolean canDecodeInto() {
    return false;
  }

  /**
   * Copies the state of {@code decoded}, a fresh object that {@link #decode} returned, into the
   * existing {@code target}, in place: each field of {@code target} takes the decoded value; a
   * nested mutable {@code @Chunk} object that {@code target} already holds (and each element of a
   * list of them of the same size) is updated in place rather than replaced, and a {@code final}
   * array is filled in place, so that references to them stay valid.
   *
   * <p>Apply does not validate: every value was checked, and every constructor, setter and
   * post-load hook ran, when {@code decoded} was built. A generated codec runs the state's
   * post-load hook once more on {@code target} at the end, so that its derived fields are
   * rebuilt. Apply must not fail, so that a restore either changes nothing or everything: setters
   * and hooks that accept a value on a fresh object must accept it on {@code target}. After this
   * call {@code decoded} must not be used again: {@code target} may share its arrays.
   *
   * @throws UnsupportedOperationException if {@link #canDecodeInto()} is false
   */
  default void apply(T decoded, T target) {
    throw new UnsupportedOperationException(
        stateClass().getName() + " cannot be restored into an existing instance");
  }

  /**
   * Reads the data of one chunk of this type into an existing object, all or nothing: the whole
   * chunk is read, checked and decoded into a fresh object first (so that every refusal happens
   * there), checked against the target ({@link #applyMismatch}), and only then {@linkplain #apply
   * applied} to {@code target}. If this throws, {@code target} is unchanged.
   *
   * @throws ChunkStreamException if the data is not a valid encoding of this type
   * @throws UnsupportedOperationException if {@link #canDecodeInto()} is false
   */
  default void decodeInto(T target, WireReader in) throws ChunkStreamException {
    if (!canDecodeInto()) {
      throw new UnsupportedOperationException(
          stateClass().getName() + " cannot be decoded into an existing instance");
    }
    T decoded = decode(in);
    String mismatch = applyMismatch(decoded, target);
    if (mismatch != null) {
      throw in.dataError(mismatch);
    }
    apply(decoded, target);
  }
}

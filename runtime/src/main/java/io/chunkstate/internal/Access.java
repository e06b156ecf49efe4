package io.chunkstate.internal;

import io.chunkstate.ChunkStreamException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A way in to what the runtime's packages offer one another but not their users (as the JDK's
 * {@code SharedSecrets}): the reader layer opens a field reader over a chunk it framed, which the
 * wire package's public API, made for generated codecs, does not offer. The wire package
 * registers the opener when its reader class is initialized.
 */
public final class Access {
  /** Opens the reader of type {@code R} of a stream's top-level chunks, and moves it. */
  public interface Opener<R> {
    /** A reader for the top-level chunks of a stream, within the stream's scope. */
    R open(Scope scope);

    /**
     * Moves {@code reader} to the data of a top-level chunk of type {@code type} at stream
     * offset {@code offset}, whose {@code length} bytes are at {@code dataOffset} of {@code
     * array}; returns it.
     */
    R moveTo(R reader, byte[] array, int dataOffset, int length, int type, long offset);

    /**
     * The scope of the read that {@code reader} belongs to, at any depth: for a codec of the
     * runtime's own that decodes more than field values (an offer's description) within it.
     */
    Scope scope(R reader);
  }

  /**
   * Decodes the data of a {@code dESc} chunk into descriptions of type {@code D} as part of a
   * read: the schema package's public decoder offers neither the read's budget nor another
   * chunk's path. The schema package registers it when its decoder class is initialized.
   */
  public interface Descriptions<D> {
    /**
     * The descriptions in the {@code length} bytes at {@code from} of {@code array}, the data of
     * (or embedded in) the chunk at stream offset {@code offset} and path {@code path}, which
     * errors name; what they take is charged to {@code budget}.
     */
    D decode(byte[] array, int from, int length, long offset, String path, Budget budget)
        throws ChunkStreamException;
  }

  /**
   * Makes the writers of type {@code W} that {@code StateWriter} writes through: the wire
   * package's public API offers neither.
   */
  public interface Writers<W> {
    /**
     * A growable writer that does not copy a large byte array field: it hands the array itself to
     * the output stream, its CRC taken over the array where it lies. The array must not change
     * until the writer is reset.
     */
    W sharing();

    /** A writer into {@code array} from {@code offset} up to {@code end}, and no further. */
    W into(byte[] array, int offset, int end);

    /** The index in its array after the last byte {@code writer} wrote. */
    int end(W writer);

    /**
     * Keeps what {@code writer} wrote into a caller's array: a later reset goes back to here, not
     * to where the writer started.
     */
    void commit(W writer);
  }

  /**
   * Opens embedded reads of streams of type {@code S} (SPEC §3) whose allocation budget covers
   * the whole stream, as a whole read's does, rather than each chunk in turn, as the public
   * embedded read's does: for a reader that keeps every state it reads, such as a migration
   * session's messages. {@code R} is the registry type, {@code O} the options type.
   */
  public interface EmbeddedReads<S, R, O> {
    /** An embedded read of {@code in} with one budget, that of {@code options}, for all of it. */
    S openEmbedded(InputStream in, R registry, O options) throws IOException;

    /**
     * The stream offset of the {@code CEND} of {@code stream}, a read that has ended well: where
     * a reader that wanted more states reports the first one missing.
     *
     * @throws IllegalStateException if the read has not ended well
     */
    long endOffset(S stream);
  }

  private static volatile Opener<?> opener;
  private static volatile Writers<?> writers;
  private static volatile Descriptions<?> descriptions;
  private static volatile EmbeddedReads<?, ?, ?> embeddedReads;

  /** Registers the wire package's writers. */
  public static void register(Writers<?> wireWriters) {
    writers = wireWriters;
  }

  /** The makers of writers of class {@code writerClass}, which registers them when initialized. */
  @SuppressWarnings("unchecked") // the one registered maker makes writerClass
  public static <W> Writers<W> writers(Class<W> writerClass) {
    if (writers == null) {
      initialize(writerClass);
    }
    return (Writers<W>) writers;
  }

  /** Registers the schema package's decoder of descriptions. */
  public static void register(Descriptions<?> decoder) {
    descriptions = decoder;
  }

  /**
   * The decoder of descriptions of class {@code decoderClass}, which registers it when it is
   * initialized.
   */
  @SuppressWarnings("unchecked") // the one registered decoder is decoderClass's
  public static <D> Descriptions<D> descriptions(Class<?> decoderClass) {
    if (descriptions == null) {
      initialize(decoderClass);
    }
    return (Descriptions<D>) descriptions;
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private Access() {}

  /** Registers the reader layer's embedded reads with one budget. */
  public static void register(EmbeddedReads<?, ?, ?> reads) {
    embeddedReads = reads;
  }

  /**
   * The embedded reads with one budget of streams of class {@code streamClass}, which registers
   * them when it is initialized.
   */
  @SuppressWarnings("unchecked") // the one registered maker reads streamClass
  public static <S, R, O> EmbeddedReads<S, R, O> embeddedReads(Class<S> streamClass) {
    if (embeddedReads == null) {
      initialize(streamClass);
    }
    return (EmbeddedReads<S, R, O>) embeddedReads;
  }

  /** Registers the wire package's opener. */
  public static void register(Opener<?> wireOpener) {
    opener = wireOpener;
  }

  /**
   * The opener of readers of class {@code readerClass}, which registers it when it is initialized.
   */
  @SuppressWarnings("unchecked") // the one registered opener opens readerClass
  public static <R> Opener<R> opener(Class<R> readerClass) {
    if (opener == null) {
      initialize(readerClass);
    }
    return (Opener<R>) opener;
  }
}

package io.chunkstate;

import io.chunkstate.framing.Signature;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Header;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.wire.WireWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

/**
 * Writes a state stream: the signature and {@code CHDR} when opened, one chunk per {@link
 * #write(Object)}, and {@code CEND} at {@link #finish()}. A stream is complete only once {@code
 * finish()} has returned: {@link #close()} writes nothing more, so a stream closed after a failure
 * ends without {@code CEND}, and every reader refuses it. A writer is not safe for use by several
 * threads at once.
 *
 * <pre>{@code
 * try (StateWriter writer = StateWriter.open(out, "my-vmm 2.1", ChunkRegistry.load())) {
 *   writer.write(uart);
 *   writer.write(pciDevice);
 *   writer.finish();
 * }
 * }</pre>
 *
 * <p>Each state is encoded completely into a buffer before any of it reaches the output stream,
 * so a state that cannot be encoded leaves the stream as it was, and the caller may go on writing
 * or give up. An {@link IOException} from the output stream, or anything else it throws (an
 * {@code OutOfMemoryError} of a {@code ByteArrayOutputStream} that cannot grow), may have left
 * part of a chunk on it: the writer is then broken, and {@code write} and {@code finish} throw.
 *
 * <p>A writer opened {@linkplain #into(byte[], int, String, ChunkRegistry) into a byte array} or
 * a {@linkplain #into(ByteBuffer, String, ChunkRegistry) heap byte buffer} encodes each state
 * straight into the caller's memory, with no buffer and no copy of its own: the fastest way to
 * write a stream that fits in memory. A state that does not fit in what is left fails as any
 * state that cannot be encoded: the stream up to {@link #position()} is as it was, though the
 * bytes after it may have been written over.
 *
 * <p>A byte array field of 1 KiB or more (a page of memory) of a state's own chunk is not copied
 * into the writer's buffer on its way to an output stream: its CRC is computed over the state's
 * own array, which is then handed to the output stream, within the call to {@code write}. Every
 * array is saved as it is when its field is encoded: one inside a sub-chunk, or followed by one
 * (whose state's pre-save hook could change it), is copied.
 */
public final class StateWriter implements Closeable {
  private static final Access.Writers<WireWriter> WRITERS = Access.writers(WireWriter.class);

  // A writer's buffer, kept for the next stream the thread writes to an output stream once a
  // writer is done with it: a stream of one small state then costs no buffer of its own. One per
  // thread, and only up to KEPT_BUFFER bytes.
  private static final ThreadLocal<WireWriter> SPARE = new ThreadLocal<>();
  private static final int KEPT_BUFFER = 64 * 1024;

  // An output stream, or else the caller's array (and its ByteBuffer, if it came as one).
  private final OutputStream out;
  private final ByteBuffer target;
  private final ChunkRegistry registry;
  private final WireWriter buffer;
  // What the output stream threw, after which it may hold part of a chunk.
  private Throwable broken;
  private boolean finished;
  private boolean closed;
  private boolean bufferGivenBack;
  // The class of the last state written, and its codec.
  private Class<?> lastClass;
  private ChunkCodec<?> lastCodec;

  private StateWriter(
      OutputStream out, ByteBuffer target, WireWriter buffer, ChunkRegistry registry) {
    this.out = out;
    this.target = target;
    this.buffer = buffer;
    this.registry = registry;
  }

  /**
   * Writes the signature and a {@code CHDR} naming {@code producer} to {@code out}.
   *
   * @param producer the name (and version) of the program writing the stream
   * @throws IllegalArgumentException if {@code producer} cannot be encoded (an unpaired surrogate)
   * @throws IOException if the output stream fails
   */
  public static StateWriter open(OutputStream out, String producer, ChunkRegistry registry)
      throws IOException {
    return open(out, producer, registry, WriteOptions.defaults());
  }

  /**
   * Writes the signature and a {@code CHDR} naming {@code producer} to {@code out}, then what
   * {@code options} ask for: a {@code dESc} chunk describing the registry's chunk types.
   *
   * @param producer the name (and version) of the program writing the stream
   * @throws IllegalArgumentException if {@code producer} cannot be encoded (an unpaired surrogate)
   * @throws IOException if the output stream fails
   */
  public static StateWriter open(
      OutputStream out, String producer, ChunkRegistry registry, WriteOptions options)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(options, "options");
    return new StateWriter(out, null, borrowBuffer(), registry).start(producer, options);
  }

  /**
   * Writes the signature and a {@code CHDR} naming {@code producer} into {@code target} from
   * {@code offset} on; each state is then encoded straight into the array. {@link #position()}
   * tells where the stream ends. The writer never allocates a larger array: a state that does not
   * fit in what is left fails, the stream up to {@code position()} is as it was (the bytes after
   * it may have been written over), and the caller may go on with a smaller state or give up.
   *
   * @param producer the name (and version) of the program writing the stream
   * @throws IllegalArgumentException if {@code producer} cannot be encoded (an unpaired
   *     surrogate)
   * @throws IllegalStateException if the signature and {@code CHDR} do not fit
   * @throws IndexOutOfBoundsException if {@code offset} is not within {@code target}
   */
  public static StateWriter into(
      byte[] target, int offset, String producer, ChunkRegistry registry) {
    Objects.requireNonNull(target, "target");
    Objects.checkIndex(offset, target.length + 1);
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(registry, "registry");
    WireWriter buffer = WRITERS.into(target, offset, target.length);
    return startQuietly(new StateWriter(null, null, buffer, registry), producer);
  }

  /**
   * Writes the signature and a {@code CHDR} naming {@code producer} into {@code target} at its
   * position, and each state after it, moving the position past every chunk written: as {@link
   * #into(byte[], int, String, ChunkRegistry)} over a buffer with a backing array, straight into
   * it; over a direct buffer, through the writer's own buffer and one {@code put} per state. A
   * state that does not fit in what remains fails, and the position stays where it was.
   *
   * @param producer the name (and version) of the program writing the stream
   * @throws IllegalArgumentException if {@code producer} cannot be encoded (an unpaired
   *     surrogate)
   * @throws IllegalStateException if the signature and {@code CHDR} do not fit
   * @throws java.nio.ReadOnlyBufferException if {@code target} is read-only
   */
  public static StateWriter into(ByteBuffer target, String producer, ChunkRegistry registry) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(registry, "registry");
    if (target.isReadOnly()) {
      throw new ReadOnlyBufferException();
    }
    WireWriter buffer =
        target.hasArray()
            ? WRITERS.into(
                target.array(),
                target.arrayOffset() + target.position(),
                target.arrayOffset() + target.limit())
            : new WireWriter(512);
    return startQuietly(new StateWriter(null, target, buffer, registry), producer);
  }

  private static WireWriter borrowBuffer() {
    WireWriter spare = SPARE.get();
    if (spare == null) {
      return WRITERS.sharing();
    }
    SPARE.set(null);
    return spare;
  }

  /** Keeps this writer's buffer for the thread's next stream, if it is small and not in use. */
  private void giveBackBuffer() {
    if (out != null && !bufferGivenBack) {
      bufferGivenBack = true;
      buffer.reset();
      if (buffer.buffer().length <= KEPT_BUFFER && SPARE.get() == null) {
        SPARE.set(buffer);
      }
    }
  }

  private static StateWriter startQuietly(StateWriter writer, String producer) {
    try {
      return writer.start(producer, WriteOptions.defaults());
    } catch (IOException e) {
      throw new AssertionError(e); // memory does no I/O
    }
  }

  private StateWriter start(String producer, WriteOptions options) throws IOException {
    writeHeader(producer);
    if (options.description()) {
      writeDescription();
    }
    flushBuffer();
    return this;
  }

  /**
   * Where the stream written into a caller's array or buffer ends: the index after its last
   * byte, in the array (or, for a {@code ByteBuffer}, its position).
   *
   * @throws IllegalStateException if the writer writes to an output stream
   */
  public int position() {
    if (out != null) {
      throw new IllegalStateException("the writer writes to an output stream, not into memory");
    }
    return target != null ? target.position() : WRITERS.end(buffer);
  }

  /** A {@code dESc} chunk describing every described codec of the registry (docs/DESC.md). */
  private void writeDescription() {
    byte[] data = DescChunk.encode(registry.descriptions());
    int mark = buffer.beginChunk(ChunkType.DESC);
    buffer.writeRaw(data, 0, data.length);
    buffer.endChunk(mark);
  }

  /** The signature and a {@code CHDR} naming {@code producer} (SPEC §3), into the buffer. */
  private void writeHeader(String producer) {
    Opening opening = lastOpening;
    if (opening == null || !opening.producer().equals(producer)) {
      opening = new Opening(producer, opening(producer));
      lastOpening = opening;
    }
    buffer.writeRaw(opening.bytes(), 0, opening.bytes().length);
  }

  /** The signature and a {@code CHDR} naming {@code producer}, encoded. */
  private static byte[] opening(String producer) {
    WireWriter out = new WireWriter(64);
    byte[] signature = Signature.CHUNKSTATE.bytes();
    out.writeRaw(signature, 0, signature.length);
    int mark = out.beginChunk(ChunkType.CHDR);
    out.writeInt(Header.FORMAT_MAJOR << 16 | Header.FORMAT_MINOR);
    out.writeString(producer);
    out.endChunk(mark);
    return out.toByteArray();
  }

  /**
   * The opening bytes of a stream for one producer name, kept for the next writer: a program
   * names itself the same way in every stream it writes. Never changed once made.
   */
  private record Opening(String producer, byte[] bytes) {}

  private static volatile Opening lastOpening;

  /** The {@code CEND} chunk, whose bytes never change. */
  private static final byte[] END = end();

  private static byte[] end() {
    WireWriter out = new WireWriter(16);
    out.endChunk(out.beginChunk(ChunkType.CEND));
    return out.toByteArray();
  }

  /**
   * Writes {@code state} as one top-level chunk, sub-chunks included, with the registry's codec
   * for {@code state.getClass()}. A state that fails to encode, for whatever reason, writes
   * nothing: the stream is as it was before the call.
   *
   * @throws IllegalArgumentException if no codec is registered for the state's class, or the
   *     state holds a value the format cannot encode, nests sub-chunks deeper than SPEC §4 allows
   *     or contains itself; nothing of the state is written
   * @throws IllegalStateException if the writer is finished, closed, or broken by an earlier
   *     output failure, or the chunk would exceed 2 GiB
   * @throws IOException if the output stream fails; the writer is then broken
   */
  public void write(Object state) throws IOException {
    Objects.requireNonNull(state, "state");
    checkWritable();
    Class<?> stateClass = state.getClass();
    ChunkCodec<?> codec = stateClass == lastClass ? lastCodec : codecOf(stateClass);
    try {
      writeWith(codec, state);
    } catch (Throwable e) {
      buffer.reset(); // nothing of a state that cannot be encoded reaches the stream
      throw e;
    }
    flushBuffer();
  }

  /** The codec for {@code stateClass}, kept for the next write: states come in runs of a class. */
  private ChunkCodec<?> codecOf(Class<?> stateClass) {
    ChunkCodec<?> codec = registry.codecOf(stateClass);
    if (codec == null) {
      throw registry.noCodec(stateClass);
    }
    lastClass = stateClass;
    lastCodec = codec;
    return codec;
  }

  private <T> void writeWith(ChunkCodec<T> codec, Object state) {
    buffer.writeChunk(codec, codec.stateClass().cast(state));
  }

  /**
   * Writes {@code CEND} and flushes the output stream: the stream is now complete. Nothing may be
   * written after it. The output stream stays open until {@link #close()}.
   *
   * @throws IllegalStateException if the writer is already finished, closed, or broken by an
   *     earlier output failure
   * @throws IOException if the output stream fails; the writer is then broken
   */
  public void finish() throws IOException {
    checkWritable();
    buffer.writeRaw(END, 0, END.length);
    flushBuffer();
    if (out != null) {
      try {
        out.flush();
      } catch (Throwable e) {
        broken = e;
        throw e;
      }
    }
    finished = true;
    giveBackBuffer();
  }

  /** Whether {@link #finish()} has completed the stream. */
  public boolean isFinished() {
    return finished;
  }

  private void checkWritable() {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    if (broken != null) {
      throw new IllegalStateException(
          "the writer is broken: the output stream failed earlier (" + broken + "), and the"
              + " stream may hold part of a chunk",
          broken);
    }
    if (finished) {
      throw new IllegalStateException("the stream is finished: CEND has been written");
    }
  }

  private void flushBuffer() throws IOException {
    if (out == null) {
      toTarget();
      return;
    }
    try {
      buffer.writeTo(out);
    } catch (Throwable e) {
      broken = e;
      throw e;
    } finally {
      buffer.reset();
    }
  }

  /** Keeps what was encoded into the caller's memory, and moves a buffer's position past it. */
  private void toTarget() {
    if (target == null) {
      WRITERS.commit(buffer);
    } else if (target.hasArray()) {
      WRITERS.commit(buffer);
      target.position(WRITERS.end(buffer) - target.arrayOffset());
    } else {
      try {
        if (buffer.size() > target.remaining()) {
          throw new IllegalStateException(
              "the target buffer is full: " + buffer.size() + " bytes needed, "
                  + target.remaining() + " left");
        }
        target.put(buffer.buffer(), 0, buffer.size());
      } finally {
        buffer.reset();
      }
    }
  }

  /**
   * Closes the output stream and writes nothing more. A stream not {@linkplain #finish()
   * finished} first ends without {@code CEND}, and every reader refuses it: closing is what
   * try-with-resources does after an exception, too. Closing twice does nothing.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    giveBackBuffer();
    if (out != null) {
      out.close();
    }
  }
}

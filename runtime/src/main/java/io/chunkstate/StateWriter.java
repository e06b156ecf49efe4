package io.chunkstate;

import io.chunkstate.framing.Signature;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.internal.Header;
import io.chunkstate.wire.WireWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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
 * or give up. An {@link IOException} from the output stream may have left part of a chunk on it:
 * the writer is then broken, and {@code write} and {@code finish} throw.
 */
public final class StateWriter implements Closeable {
  private final OutputStream out;
  private final ChunkRegistry registry;
  private final WireWriter buffer = new WireWriter(4096);
  private IOException broken;
  private boolean finished;
  private boolean closed;

  private StateWriter(OutputStream out, ChunkRegistry registry) {
    this.out = out;
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
    StateWriter writer = new StateWriter(out, registry);
    writer.writeHeader(producer);
    if (options.description()) {
      writer.writeDescription();
    }
    writer.flushBuffer();
    return writer;
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
    byte[] signature = Signature.CHUNKSTATE.bytes();
    buffer.writeRaw(signature, 0, signature.length);
    int mark = buffer.beginChunk(ChunkType.CHDR);
    buffer.writeShort((short) Header.FORMAT_MAJOR);
    buffer.writeShort((short) Header.FORMAT_MINOR);
    buffer.writeString(producer);
    buffer.endChunk(mark);
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
    ChunkCodec<?> codec =
        registry.codecFor(state.getClass()).orElseThrow(() -> registry.noCodec(state.getClass()));
    try {
      writeWith(codec, state);
    } catch (Throwable e) {
      buffer.reset(); // nothing of a state that cannot be encoded reaches the stream
      throw e;
    }
    flushBuffer();
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
    buffer.endChunk(buffer.beginChunk(ChunkType.CEND));
    flushBuffer();
    try {
      out.flush();
    } catch (IOException e) {
      broken = e;
      throw e;
    }
    finished = true;
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
    try {
      buffer.writeTo(out);
    } catch (IOException | RuntimeException e) {
      broken = e instanceof IOException io ? io : new IOException(e);
      throw e;
    } finally {
      buffer.reset();
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
    out.close();
  }
}

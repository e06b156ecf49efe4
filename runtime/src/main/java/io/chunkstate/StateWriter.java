package io.chunkstate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a state stream: the signature and {@code CHDR} when opened, one chunk per {@link
 * #write(Object)}, and {@code CEND} when closed. Each state is encoded completely into a buffer
 * before any of it reaches the output stream. A writer is not safe for use by several threads at
 * once.
 *
 * <pre>{@code
 * try (StateWriter writer = StateWriter.open(out, "my-vmm 2.1", ChunkRegistry.load())) {
 *   writer.write(uart);
 *   writer.write(pciDevice);
 * }
 * }</pre>
 */
public final class StateWriter implements Closeable {
  /** The format major version this writer produces. */
  public static final int FORMAT_MAJOR = 1;

  /** The format minor version this writer produces. */
  public static final int FORMAT_MINOR = 0;

  private final OutputStream out;
  private final ChunkRegistry registry;
  private final WireWriter buffer = new WireWriter(4096);
  private boolean closed;

  private StateWriter(OutputStream out, ChunkRegistry registry) {
    this.out = out;
    this.registry = registry;
  }

  /**
   * Writes the signature and a {@code CHDR} naming {@code producer} to {@code out}.
   *
   * @param producer the name (and version) of the program writing the stream
   */
  public static StateWriter open(OutputStream out, String producer, ChunkRegistry registry)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(registry, "registry");
    StateWriter writer = new StateWriter(out, registry);
    WireWriter header = writer.buffer;
    byte[] signature = Signature.CHUNKSTATE.raw();
    header.writeRaw(signature, 0, signature.length);
    int mark = header.beginChunk(ChunkType.CHDR);
    header.writeShort((short) FORMAT_MAJOR);
    header.writeShort((short) FORMAT_MINOR);
    header.writeString(producer);
    header.endChunk(mark);
    writer.flushBuffer();
    return writer;
  }

  /**
   * Writes {@code state} as one top-level chunk, sub-chunks included, with the registry's codec
   * for {@code state.getClass()}.
   *
   * @throws IllegalArgumentException if no codec is registered for the state's class, or the
   *     state holds a value the format cannot encode; nothing of the state is written
   * @throws IllegalStateException if the writer is closed, or the chunk would exceed 2 GiB
   * @throws IOException if the output stream fails
   */
  public void write(Object state) throws IOException {
    Objects.requireNonNull(state, "state");
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    ChunkCodec<?> codec =
        registry
            .codecFor(state.getClass())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no codec is registered for " + state.getClass().getName()
                            + "; is it annotated @Chunk, and is the processor on the"
                            + " annotation processor path?"));
    try {
      writeWith(codec, state);
    } catch (RuntimeException e) {
      buffer.reset(); // nothing of a state that cannot be encoded reaches the stream
      throw e;
    }
    flushBuffer();
  }

  private <T> void writeWith(ChunkCodec<T> codec, Object state) {
    buffer.writeChunk(codec, codec.stateClass().cast(state));
  }

  private void flushBuffer() throws IOException {
    try {
      buffer.writeTo(out);
    } finally {
      buffer.reset();
    }
  }

  /** Writes {@code CEND} and closes the output stream. Closing twice does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      buffer.endChunk(buffer.beginChunk(ChunkType.CEND));
      flushBuffer();
      out.flush();
    } finally {
      out.close();
    }
  }
}

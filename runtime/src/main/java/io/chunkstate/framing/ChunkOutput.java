package io.chunkstate.framing;

import io.chunkstate.ChunkType;
import io.chunkstate.internal.FrameReader;
import io.chunkstate.internal.Framing;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The low-level chunk writer: writes a signature, then framed chunks (length, type, data, CRC-32).
 * The counterpart of {@link ChunkInput}; it knows the framing only, not what chunks mean. It is
 * not safe for use by several threads at once.
 *
 * <pre>{@code
 * try (ChunkInput in = ChunkInput.open(source, Signature.PNG);
 *     ChunkOutput out = ChunkOutput.open(target, Signature.PNG)) {
 *   for (RawChunk chunk; (chunk = in.next()) != null; ) {
 *     if (!chunk.type().code().equals("tEXt")) {
 *       out.write(chunk);
 *     }
 *   }
 * }
 * }</pre>
 */
public final class ChunkOutput implements Closeable {
  private final OutputStream out;
  private final byte[] word = new byte[8];
  private final CRC32 crc = Framing.newCrc();
  private long position;

  private ChunkOutput(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code signature} to {@code out}. */
  public static ChunkOutput open(OutputStream out, Signature signature) throws IOException {
    Objects.requireNonNull(out, "out");
    ChunkOutput output = new ChunkOutput(out);
    byte[] bytes = signature.raw();
    out.write(bytes);
    output.position = bytes.length;
    return output;
  }

  /** The stream offset at which the next chunk will start. */
  public long position() {
    return position;
  }

  /** Writes a chunk of type {@code type} whose data is {@code data}. */
  public void write(ChunkType type, byte[] data) throws IOException {
    write(type, data, 0, data.length);
  }

  /** Writes a chunk of type {@code type} whose data is {@code length} bytes of {@code data}. */
  public void write(ChunkType type, byte[] data, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    Framing.putInt(word, 0, length);
    Framing.putInt(word, 4, type.value());
    int crc = Framing.crc(this.crc, type.value(), data, offset, length);
    out.write(word, 0, 8);
    out.write(data, offset, length);
    Framing.putInt(word, 0, crc);
    out.write(word, 0, 4);
    position += 12L + length;
  }

  /** Copies {@code chunk} unchanged: same type, data and CRC. */
  public void write(RawChunk chunk) throws IOException {
    write(chunk.type(), chunk.array(), chunk.dataOffset(), chunk.length());
  }

  /**
   * Copies the chunk whose header {@code frames} has just read, its data streamed through its CRC
   * in constant memory: after a failure the output may end inside it.
   */
  void copy(FrameReader frames) throws IOException {
    int length = frames.pendingLength();
    Framing.putInt(word, 0, length);
    Framing.putInt(word, 4, frames.pendingType());
    out.write(word, 0, 8);
    Framing.putInt(word, 0, frames.copyData(out));
    out.write(word, 0, 4);
    position += 12L + length;
  }

  /** Flushes the underlying stream. */
  public void flush() throws IOException {
    out.flush();
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    out.close();
  }

}

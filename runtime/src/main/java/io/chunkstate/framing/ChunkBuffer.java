package io.chunkstate.framing;

import io.chunkstate.internal.Framing;
import java.util.Arrays;

/**
 * A growable buffer in which the editor rebuilds a chunk's data, with framed sub-chunks whose
 * lengths and CRCs are filled in when each one ends.
 */
final class ChunkBuffer {
  private byte[] bytes = new byte[256];
  private int size;

  void reset() {
    size = 0;
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /** Starts a framed chunk of type {@code type}: its length is filled in by {@link #end}. */
  int begin(int type) {
    ensure(8);
    int mark = size;
    Framing.putInt(bytes, mark + 4, type);
    size += 8;
    return mark;
  }

  /** Ends the chunk {@link #begin} started at {@code mark}: its length, then its CRC. */
  void end(int mark) {
    int length = size - mark - 8;
    Framing.putInt(bytes, mark, length);
    int crc = Framing.crc(bytes, mark + 4, length);
    ensure(4);
    Framing.putInt(bytes, size, crc);
    size += 4;
  }

  /** A framed chunk of type {@code type} whose data is {@code data}. */
  void chunk(int type, byte[] data) {
    int mark = begin(type);
    write(data, 0, data.length);
    end(mark);
  }

  private void ensure(int more) {
    if (more > Integer.MAX_VALUE - 8 - size) {
      throw new IllegalArgumentException(
          "the edited chunk would be longer than a chunk may be (2^31-1 bytes)");
    }
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + more, 2L * bytes.length)));
    }
  }
}

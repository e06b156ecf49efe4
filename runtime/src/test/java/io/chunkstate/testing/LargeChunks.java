package io.chunkstate.testing;

import io.chunkstate.ChunkType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/** Streams with a chunk too large for the tests' 64 MiB heap, made as they are read. */
public final class LargeChunks {
  private LargeChunks() {}

  /**
   * {@code head}, then a well-formed chunk of type {@code type} whose data is {@code length} zero
   * bytes, then {@code tail}: the chunk's data is made as it is read and never held.
   */
  public static InputStream between(byte[] head, ChunkType type, int length, byte[] tail) {
    CRC32 crc = new CRC32();
    crc.update(ByteBuffer.allocate(4).putInt(type.value()).array());
    byte[] zeros = new byte[1 << 20];
    for (int left = length; left > 0; left -= Math.min(left, zeros.length)) {
      crc.update(zeros, 0, Math.min(left, zeros.length));
    }
    byte[] header = ByteBuffer.allocate(8).putInt(length).putInt(type.value()).array();
    byte[] end =
        ByteBuffer.allocate(4 + tail.length).putInt((int) crc.getValue()).put(tail).array();
    return new SequenceInputStream(
        Collections.enumeration(
            List.of(
                new ByteArrayInputStream(head),
                new ByteArrayInputStream(header),
                zeros(length),
                new ByteArrayInputStream(end))));
  }

  /** An input of {@code length} zero bytes, made as they are read and never held. */
  private static InputStream zeros(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}

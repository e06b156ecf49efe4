package io.chunkstate.framing;

import io.chunkstate.ChunkType;
import io.chunkstate.testing.Sources;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/** Streams with a chunk too large for the tests' 64 MiB heap, made as they are read. */
final class LargeChunks {
  private LargeChunks() {}

  /**
   * {@code head}, then a well-formed chunk of type {@code type} whose data is {@code length} zero
   * bytes, then {@code tail}: the chunk's data is made as it is read and never held.
   */
  static InputStream between(byte[] head, ChunkType type, int length, byte[] tail) {
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
                Sources.zeros(length),
                new ByteArrayInputStream(end))));
  }
}

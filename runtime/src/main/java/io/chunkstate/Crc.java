package io.chunkstate;

import java.util.zip.CRC32;

/** The format's CRC-32 (ISO-HDLC, as PNG and zlib), over a region of a byte array. */
final class Crc {
  private Crc() {}

  static int of(byte[] bytes, int offset, int length) {
    // A fresh CRC32 costs less than a ThreadLocal lookup: once inlined, it is not allocated.
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

package io.chunkstate;

import java.util.zip.CRC32;

/** The format's CRC-32 (ISO-HDLC, as PNG and zlib), over a region of a byte array. */
final class Crc {
  private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

  private Crc() {}

  static int of(byte[] bytes, int offset, int length) {
    CRC32 crc = CRC.get();
    crc.reset();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

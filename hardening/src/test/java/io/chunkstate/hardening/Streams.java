package io.chunkstate.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Hand-built chunk streams, for inputs no writer would produce. */
final class Streams {
  static final byte[] SIGNATURE = {(byte) 0x89, 'C', 'H', 'K', '\r', '\n', 0x1a, '\n'};

  private Streams() {}

  /** One chunk: length, type, data, and the CRC of type and data. */
  static byte[] chunk(String type, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(12 + data.length);
    out.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
    out.putInt(crc(out.array(), 4, 4 + data.length));
    return out.array();
  }

  /** A {@code CHDR} for format 1.0 and producer {@code producer}. */
  static byte[] chdr(String producer) {
    byte[] name = producer.getBytes(StandardCharsets.UTF_8);
    ByteBuffer data = ByteBuffer.allocate(8 + name.length);
    data.putShort((short) 1).putShort((short) 0).putInt(name.length).put(name);
    return chunk("CHDR", data.array());
  }

  /** The signature, then each part as given. */
  static byte[] stream(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

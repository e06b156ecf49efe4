package io.chunkstate.testing;

import io.chunkstate.ChunkType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Framed chunks built without chunkstate's own framing, for tests that check it. */
public final class Frames {
  private Frames() {}

  /** Length, type, data and a CRC computed by {@code java.util.zip}, not by chunkstate. */
  public static byte[] frame(ChunkType type, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(12 + data.length);
    out.putInt(data.length).put(type.code().getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(out.array(), 4, 4 + data.length);
    return out.putInt((int) crc.getValue()).array();
  }
}

package io.chunkstate.machine.cli;

import io.chunkstate.framing.Signature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The memory geometry of a migration's first message, read ahead of the session: a destination
 * started without a memory size learns it from the source's {@code MGEO} chunk (page size, page
 * count) before it maps its guest memory. {@link #replay()} gives the session back every byte read.
 */
record OfferGeometry(int pageSize, long pageCount, byte[] read) {
  private static final int GEOMETRY = type("MGEO");
  private static final int END = type("CEND");
  private static final int MAX_MESSAGE = 1 << 24;

  /** Reads the first message of {@code in} up to and with its {@code CEND}, and its geometry. */
  static OfferGeometry read(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    DataInputStream data = new DataInputStream(in);
    byte[] signature = new byte[Signature.CHUNKSTATE.bytes().length];
    data.readFully(signature);
    seen.write(signature);
    if (!Arrays.equals(signature, Signature.CHUNKSTATE.bytes())) {
      throw new IOException("the source's first message is not a chunk stream");
    }
    int pageSize = -1;
    long pageCount = -1;
    while (true) {
      int length = data.readInt();
      int type = data.readInt();
      if (length < 0 || seen.size() + 12L + length > MAX_MESSAGE) {
        throw new IOException(
            "the source's first message is longer than " + MAX_MESSAGE + " bytes");
      }
      byte[] chunk = new byte[length + 4];
      data.readFully(chunk);
      seen.write(ByteBuffer.allocate(8).putInt(length).putInt(type).array());
      seen.write(chunk);
      if (type == GEOMETRY && length >= 12) {
        ByteBuffer b = ByteBuffer.wrap(chunk);
        pageSize = b.getInt();
        pageCount = b.getLong();
      }
      if (type == END) {
        break;
      }
    }
    if (pageSize <= 0 || pageCount <= 0 || pageCount > Long.MAX_VALUE / pageSize) {
      throw new IOException("the source's first message holds no valid MGEO chunk");
    }
    return new OfferGeometry(pageSize, pageCount, seen.toByteArray());
  }

  /** The bytes read, for the session to read again. */
  InputStream replay() {
    return new ByteArrayInputStream(read);
  }

  private static int type(String code) {
    return ByteBuffer.wrap(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getInt();
  }
}

package io.chunkstate.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.wire.WireReader;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The decoding primitives over arbitrary chunk data, called in an arbitrary order, the way a
 * codec for an unknown schema would: every call returns a value or throws {@code
 * ChunkStreamException}, and the reader never claims more data than it has.
 */
class WireReaderFuzzTest {
  private static final ChunkType TYPE = ChunkType.of("FuZz");

  @FuzzTest(maxDuration = "15s")
  void primitivesReadOrFailPrecisely(FuzzedDataProvider data) {
    int ops = data.consumeInt(0, 64);
    byte[] operations = data.consumeBytes(ops);
    WireReader in = WireReader.of(TYPE, data.consumeRemainingAsBytes());
    try {
      run(in, operations, 0);
    } catch (ChunkStreamException expected) {
      if (!expected.path().startsWith("FuZz")) {
        throw new AssertionError("the error names a path outside the chunk: " + expected);
      }
    }
  }

  /**
   * Arbitrary bytes as one framed chunk: a reader over exactly the data between a valid header
   * and a CRC that {@code java.util.zip} agrees with, or an error at the chunk or after it.
   */
  @FuzzTest(maxDuration = "15s")
  void oneFramedChunkIsCheckedOrFailsPrecisely(FuzzedDataProvider data) {
    byte[] chunk = data.consumeRemainingAsBytes();
    WireReader in;
    try {
      in = WireReader.ofChunk(TYPE, chunk);
    } catch (ChunkStreamException e) {
      boolean atTheChunk = e.offset() == 0;
      boolean afterIt =
          e.kind() == ChunkStreamException.Kind.TRAILING_DATA
              && e.offset() >= 12
              && e.offset() < chunk.length;
      if (!atTheChunk && !afterIt) {
        throw new AssertionError("the error is not at the chunk: " + e);
      }
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(chunk);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, chunk.length - 8);
    if (in.length() != chunk.length - 12
        || bytes.getInt(0) != in.length()
        || bytes.getInt(4) != TYPE.value()
        || bytes.getInt(chunk.length - 4) != (int) crc.getValue()) {
      throw new AssertionError("accepted bytes that are not one FuZz chunk");
    }
  }

  /** Runs the operations from {@code next}; returns the index after the last one it ran. */
  private static int run(WireReader in, byte[] operations, int next) throws ChunkStreamException {
    int i = next;
    while (i < operations.length) {
      int op = operations[i++] & 0xff;
      int before = in.remaining();
      switch (op % 24) {
        case 0 -> in.readBoolean();
        case 1 -> in.readByte();
        case 2 -> in.readShort();
        case 3 -> in.readChar();
        case 4 -> in.readInt();
        case 5 -> in.readLong();
        case 6 -> in.readFloat();
        case 7 -> in.readDouble();
        case 8 -> in.readPresence();
        case 9 -> in.readCount(1 + (op >>> 5));
        case 10 -> in.readString();
        case 11 -> in.readBytes();
        case 12 -> in.readBooleans();
        case 13 -> in.readShorts();
        case 14 -> in.readChars();
        case 15 -> in.readInts();
        case 16 -> in.readLongs();
        case 17 -> in.readFloats();
        case 18 -> in.readDoubles();
        case 19 -> in.skipUnknown(in.nextSubChunk());
        case 20 -> {
          // Descend into a sub-chunk and run the following operations on its data.
          i = run(in.nextSubChunk(), operations, i);
        }
        case 21 -> {
          return i; // back up to the enclosing chunk
        }
        default -> {
          if (in.hasRemaining() != (in.remaining() > 0)) {
            throw new AssertionError("hasRemaining disagrees with remaining " + in.remaining());
          }
        }
      }
      if (in.remaining() < 0 || in.remaining() > before) {
        throw new AssertionError("remaining went from " + before + " to " + in.remaining());
      }
    }
    return i;
  }
}

package io.chunkstate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * One framed chunk as the {@link ChunkInput} read it: type, offset, and data whose CRC has been
 * checked. It knows nothing of what the data means.
 */
public final class RawChunk {
  private final int typeValue;
  private final long offset;
  private final byte[] array;
  private final int dataOffset;
  private final int length;
  private final int crc;
  // Built on first use: a reader dispatches on the type's value.
  private ChunkType type;

  RawChunk(int typeValue, long offset, byte[] array, int dataOffset, int length, int crc) {
    this.typeValue = typeValue;
    this.offset = offset;
    this.array = array;
    this.dataOffset = dataOffset;
    this.length = length;
    this.crc = crc;
  }

  /** The chunk's type. */
  public ChunkType type() {
    if (type == null) {
      type = ChunkType.of(typeValue);
    }
    return type;
  }

  /** The four bytes of the chunk's type, as {@link ChunkType#value()} gives them. */
  public int typeValue() {
    return typeValue;
  }

  /** The stream offset of the chunk's first byte (its length field). */
  public long offset() {
    return offset;
  }

  /** The length of the data, without the 12 bytes of length, type and CRC. */
  public int length() {
    return length;
  }

  /** The CRC-32 stored after the data, which matches the type and data. */
  public int crc() {
    return crc;
  }

  /** A copy of the data. */
  public byte[] data() {
    return Arrays.copyOfRange(array, dataOffset, dataOffset + length);
  }

  /** A read-only view of the data, without copying it. */
  public ByteBuffer dataBuffer() {
    return ByteBuffer.wrap(array, dataOffset, length).slice().asReadOnlyBuffer();
  }

  /**
   * A reader over the data, for decoding it with a {@link ChunkCodec} or walking its sub-chunks,
   * with the limits of {@link ReadOptions#defaults()}.
   * Its {@link WireReader#skipped()} list collects the unknown ancillary sub-chunks skipped below
   * this chunk.
   */
  public WireReader reader() {
    ReadOptions options = ReadOptions.defaults();
    return WireReader.forChunk(
        this, new ArrayList<>(), new Budget(options.allocationBudget()), options.maxNesting());
  }

  byte[] array() {
    return array;
  }

  int dataOffset() {
    return dataOffset;
  }

  @Override
  public String toString() {
    return type().code() + " at offset " + offset + ", length " + length;
  }
}

package io.chunkstate.framing;

import io.chunkstate.ChunkType;
import io.chunkstate.internal.Frame;
import io.chunkstate.internal.Framing;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One framed chunk: type, offset, and data. A {@link ChunkInput} hands out chunks whose CRC it has
 * checked. A raw chunk knows nothing of what its data means.
 */
public final class RawChunk {
  private final int typeValue;
  private final long offset;
  private final byte[] array;
  private final int dataOffset;
  private final int length;
  private int crc;
  private boolean crcKnown;
  // Built on first use: a reader dispatches on the type's value.
  private ChunkType type;

  RawChunk(Frame frame) {
    this(frame.type(), frame.offset(), frame.array(), frame.dataOffset(), frame.length());
    this.crc = frame.crc();
    this.crcKnown = true;
  }

  private RawChunk(int typeValue, long offset, byte[] array, int dataOffset, int length) {
    this.typeValue = typeValue;
    this.offset = offset;
    this.array = array;
    this.dataOffset = dataOffset;
    this.length = length;
  }

  /**
   * A chunk of type {@code type} whose data is {@code length} bytes of {@code array} from {@code
   * dataOffset}, standing at stream offset {@code offset}. The array is not copied: the caller
   * must not change those bytes while the chunk is in use.
   */
  public static RawChunk wrap(
      ChunkType type, long offset, byte[] array, int dataOffset, int length) {
    Objects.requireNonNull(type, "type");
    Objects.checkFromIndexSize(dataOffset, length, array.length);
    return new RawChunk(type.value(), offset, array, dataOffset, length);
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

  /** The CRC-32 of the chunk's type and data: for a chunk read, the one stored after its data. */
  public int crc() {
    if (!crcKnown) {
      crc = Framing.crc(Framing.newCrc(), typeValue, array, dataOffset, length);
      crcKnown = true;
    }
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

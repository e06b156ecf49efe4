package io.chunkstate.internal;

/**
 * One chunk's data as a {@link FrameReader} read it, its CRC checked: where the bytes are, and
 * where the chunk stood in the stream.
 *
 * @param type the four bytes of the chunk's type
 * @param offset the stream offset of the chunk's first byte (its length field)
 * @param array the bytes that hold the data
 * @param dataOffset where in {@code array} the data starts
 * @param length the length of the data
 * @param crc the CRC stored after the data, which matches the type and data
 */
public record Frame(int type, long offset, byte[] array, int dataOffset, int length, int crc) {}

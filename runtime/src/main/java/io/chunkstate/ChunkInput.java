package io.chunkstate;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The low-level chunk reader: checks a signature, then reads top-level chunks one at a time,
 * checking each one's length, type bytes and CRC-32 before handing its data out.
 *
 * <p>It knows the framing only (SPEC §1–2), not what chunks mean or in which order they come, so
 * it walks a PNG file as readily as a chunkstate stream:
 *
 * <pre>{@code
 * try (ChunkInput input = ChunkInput.open(in, Signature.PNG)) {
 *   for (RawChunk chunk; (chunk = input.next()) != null; ) {
 *     System.out.println(chunk.type().code() + " at " + chunk.offset() + ", " + chunk.length());
 *   }
 * }
 * }</pre>
 *
 * <p>A declared length is never trusted with memory: data from an {@code InputStream} is
 * buffered as it arrives, so a stream that claims 2 GiB but holds 50 bytes costs a few kilobytes
 * and fails with {@code TRUNCATED}. Over a byte array, data is not copied at all.
 *
 * <p>It is not safe for use by several threads at once.
 */
public final class ChunkInput implements Closeable {
  /** The largest length a chunk may declare: 2^31−1. */
  public static final long MAX_LENGTH = Integer.MAX_VALUE;

  private static final int FIRST_BUFFER = 64 * 1024;
  private static final int SKIP_BUFFER = 8 * 1024;

  private final InputStream in;
  private final byte[] array;
  private final int arrayEnd;
  private final byte[] header = new byte[8];
  private final CRC32 crc = new CRC32();
  private long position;
  // The chunk whose header nextHeader() read, and whose data comes next.
  private long pendingStart;
  private int pendingType;
  private int pendingLength;
  private byte[] scratch;
  private Budget budget;
  private long charged;

  private ChunkInput(InputStream in, byte[] array, int arrayStart, int arrayEnd) {
    this.in = in;
    this.array = array;
    this.position = arrayStart;
    this.arrayEnd = arrayEnd;
  }

  /**
   * Reads and checks the signature at the start of {@code in}.
   *
   * @throws ChunkStreamException of kind {@code SIGNATURE} if the first eight bytes differ
   */
  public static ChunkInput open(InputStream in, Signature signature) throws IOException {
    Objects.requireNonNull(in, "in");
    ChunkInput input = new ChunkInput(in, null, 0, 0);
    input.checkSignature(signature);
    return input;
  }

  /**
   * Reads and checks the signature at the start of {@code bytes}; the chunks' data is read in
   * place, without copying.
   *
   * @throws ChunkStreamException of kind {@code SIGNATURE} if the first eight bytes differ
   */
  public static ChunkInput open(byte[] bytes, Signature signature) throws ChunkStreamException {
    Objects.requireNonNull(bytes, "bytes");
    ChunkInput input = new ChunkInput(null, bytes, 0, bytes.length);
    try {
      input.checkSignature(signature);
    } catch (ChunkStreamException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError(e); // a byte array source does no I/O
    }
    return input;
  }

  private void checkSignature(Signature signature) throws IOException {
    byte[] found = new byte[8];
    int n = read(found, 0, 8);
    if (n < 8 || !signature.matches(found)) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.SIGNATURE,
          0,
          "",
          "expected signature " + signature + " but found " + hex(found, n) + describe(found, n));
    }
  }

  /** The stream offset of the next byte to read: after {@link #next()}, the end of that chunk. */
  public long position() {
    return position;
  }

  /**
   * Reads the next chunk, or returns {@code null} if the stream ends exactly where a chunk would
   * begin.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside the chunk, {@code
   *     LENGTH} if its length exceeds 2^31−1, {@code TYPE} if a type byte is not a letter, {@code
   *     CRC} if the CRC does not match
   */
  public RawChunk next() throws IOException {
    if (array != null) {
      RawChunk chunk = nextInPlace();
      if (chunk != null) {
        return chunk;
      }
      // The end of the stream, or a chunk that breaks a rule: the general path says which.
    }
    return nextHeader() ? readData() : null;
  }

  /**
   * Reads and checks the length and type of the next chunk, leaving its data unread: {@link
   * #readData()} or {@link #skipData()} comes next. Returns false if the stream ends exactly where
   * a chunk would begin.
   */
  boolean nextHeader() throws IOException {
    release();
    long start = position;
    int n = read(header, 0, 8);
    if (n == 0) {
      return false;
    }
    if (n < 8) {
      throw truncated(start, "", "the stream ends " + n + " bytes into a chunk header");
    }
    long length = Integer.toUnsignedLong(getInt(header, 0));
    int typeValue = getInt(header, 4);
    // The type is rendered for a message only: a valid chunk costs no string.
    if (length > MAX_LENGTH) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.LENGTH,
          start,
          ChunkType.render(typeValue),
          "length " + length + " exceeds the limit of 2^31-1");
    }
    if (!ChunkType.isValid(typeValue)) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.TYPE,
          start,
          ChunkType.render(typeValue),
          "type bytes " + ChunkType.render(typeValue) + " are not four ASCII letters");
    }
    pendingStart = start;
    pendingType = typeValue;
    pendingLength = (int) length;
    return true;
  }

  /** The type of the chunk whose header {@link #nextHeader()} read. */
  int pendingType() {
    return pendingType;
  }

  /** The length of the chunk whose header {@link #nextHeader()} read. */
  int pendingLength() {
    return pendingLength;
  }

  /** The offset of the chunk whose header {@link #nextHeader()} read. */
  long pendingStart() {
    return pendingStart;
  }

  /**
   * Reads and checks the data and CRC of the chunk whose header {@link #nextHeader()} read. From an
   * {@code InputStream}, the buffer grows as the bytes arrive and is charged to the budget, if
   * one is set, until the next header is read.
   */
  RawChunk readData() throws IOException {
    long start = pendingStart;
    int typeValue = pendingType;
    int len = pendingLength;
    byte[] data;
    int dataOffset;
    if (array != null) {
      if (arrayEnd - position < len) {
        throw truncated(start, ChunkType.render(typeValue), dataEnds(arrayEnd - position, len));
      }
      data = array;
      dataOffset = (int) position;
      position += len;
    } else {
      data = readData(start, typeValue, len);
      dataOffset = 0;
    }
    int stored = readCrc(start, typeValue);
    int computed = crc32(typeValue, data, dataOffset, len);
    checkCrc(start, typeValue, stored, computed);
    return new RawChunk(typeValue, start, data, dataOffset, len, stored);
  }

  /**
   * Reads the data of the chunk whose header {@link #nextHeader()} read through the CRC and
   * checks it, holding no more than a small buffer at any time: for a chunk that will be skipped.
   */
  void skipData() throws IOException {
    long start = pendingStart;
    int typeValue = pendingType;
    int len = pendingLength;
    crc.reset();
    putInt(header, 0, typeValue);
    crc.update(header, 0, 4);
    if (array != null) {
      if (arrayEnd - position < len) {
        throw truncated(start, ChunkType.render(typeValue), dataEnds(arrayEnd - position, len));
      }
      crc.update(array, (int) position, len);
      position += len;
    } else {
      if (scratch == null) {
        scratch = new byte[SKIP_BUFFER];
      }
      long left = len;
      while (left > 0) {
        int n = read(scratch, 0, (int) Math.min(left, scratch.length));
        if (n == 0) {
          throw truncated(start, ChunkType.render(typeValue), dataEnds(len - left, len));
        }
        crc.update(scratch, 0, n);
        left -= n;
      }
    }
    int computed = (int) crc.getValue();
    checkCrc(start, typeValue, readCrc(start, typeValue), computed);
  }

  private int readCrc(long start, int typeValue) throws IOException {
    int crcBytesRead = read(header, 0, 4);
    if (crcBytesRead < 4) {
      throw truncated(
          start, ChunkType.render(typeValue), "the stream ends inside the CRC of a chunk");
    }
    return getInt(header, 0);
  }

  private static void checkCrc(long start, int typeValue, int stored, int computed)
      throws ChunkStreamException {
    if (stored != computed) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.CRC,
          start,
          ChunkType.render(typeValue),
          String.format("stored CRC %08x but the type and data give %08x", stored, computed));
    }
  }

  /**
   * Charges the data buffers of chunks read from an {@code InputStream} to {@code budget}: each
   * chunk's buffer until the next chunk's header is read.
   */
  void chargeTo(Budget budget) {
    this.budget = budget;
  }

  private void release() {
    if (budget != null) {
      budget.release(charged);
    }
    charged = 0;
  }

  /**
   * The next chunk of a byte array source if it is whole and sound, read straight from the array;
   * otherwise null, with nothing consumed.
   */
  private RawChunk nextInPlace() {
    long start = position;
    if (arrayEnd - start < 12) {
      return null;
    }
    int at = (int) start;
    int len = getInt(array, at);
    int typeValue = getInt(array, at + 4);
    if (len < 0 || len > arrayEnd - start - 12 || !ChunkType.isValid(typeValue)) {
      return null;
    }
    int stored = getInt(array, at + 8 + len);
    if (stored != crc32(typeValue, array, at + 8, len)) {
      return null;
    }
    position = start + 12 + len;
    return new RawChunk(typeValue, start, array, at + 8, len, stored);
  }

  /**
   * Checks that the stream has ended.
   *
   * @throws ChunkStreamException {@code TRAILING_DATA} at the current position if any byte
   *     follows
   */
  public void requireEnd() throws IOException {
    long at = position;
    int n = read(header, 0, 1);
    if (n > 0) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.TRAILING_DATA, at, "", "data follows the end of the stream");
    }
  }

  /** Closes the underlying input stream, if there is one. */
  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }

  private byte[] readData(long start, int typeValue, int len) throws IOException {
    // Grow as bytes arrive: the declared length is not trusted with an allocation.
    byte[] data = new byte[charge(start, typeValue, Math.min(len, FIRST_BUFFER))];
    int filled = 0;
    while (filled < len) {
      if (filled == data.length) {
        int grown = (int) Math.min(len, 2L * data.length);
        charge(start, typeValue, grown);
        data = Arrays.copyOf(data, grown);
      }
      int n = read(data, filled, data.length - filled);
      if (n == 0) {
        throw truncated(start, ChunkType.render(typeValue), dataEnds(filled, len));
      }
      filled += n;
    }
    return data;
  }

  /** Charges a buffer of {@code size} bytes to the budget, if one is set; returns the size. */
  private int charge(long start, int typeValue, int size) throws ChunkStreamException {
    if (budget != null) {
      if (!budget.tryCharge(size)) {
        throw new ChunkStreamException(
            ChunkStreamException.Kind.LIMIT,
            start,
            ChunkType.render(typeValue),
            budget.exceeded(size, "buffering the chunk's data"));
      }
      charged += size;
    }
    return size;
  }

  /** Reads up to {@code len} bytes, fewer only at the end of the stream. */
  private int read(byte[] dst, int off, int len) throws IOException {
    if (array != null) {
      int n = (int) Math.min(len, arrayEnd - position);
      System.arraycopy(array, (int) position, dst, off, n);
      position += n;
      return n;
    }
    int total = 0;
    while (total < len) {
      int n = in.read(dst, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    position += total;
    return total;
  }

  private int crc32(int typeValue, byte[] data, int offset, int length) {
    crc.reset();
    if (data == array) {
      // Read in place: the type bytes are right before the data, one pass covers both.
      crc.update(data, offset - 4, length + 4);
      return (int) crc.getValue();
    }
    crc.update(typeValue >>> 24);
    crc.update(typeValue >>> 16);
    crc.update(typeValue >>> 8);
    crc.update(typeValue);
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  private static String dataEnds(long filled, int len) {
    return "the stream ends " + filled + " bytes into the data of a chunk of length " + len;
  }

  private static ChunkStreamException truncated(long offset, String path, String detail) {
    return new ChunkStreamException(ChunkStreamException.Kind.TRUNCATED, offset, path, detail);
  }

  private static void putInt(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  private static String hex(byte[] bytes, int n) {
    if (n == 0) {
      return "an empty stream";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xff));
    }
    return out.toString();
  }

  private static String describe(byte[] found, int n) {
    if (n == 8 && (found[0] & 0xff) == 0x09) {
      return " (the high bit of the first byte is clear: sent through a 7-bit channel?)";
    }
    if (n >= 5 && found[4] == '\n') {
      return " (CR LF became LF: converted line endings?)";
    }
    if (n >= 6 && found[4] == '\r' && found[5] == '\r') {
      return " (LF became CR: converted line endings?)";
    }
    return "";
  }
}

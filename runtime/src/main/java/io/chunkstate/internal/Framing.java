package io.chunkstate.internal;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The one owner of the chunk framing of SPEC §1–2: the CRC, the limits of a length, and the rule
 * for a chunk a reader does not know, the same at every depth. Readers and writers at the top
 * level and below it all come here.
 */
public final class Framing {
  /** The largest length a chunk may declare: 2^31−1. */
  public static final long MAX_LENGTH = Integer.MAX_VALUE;

  /** The bytes of a chunk around its data: length, type and CRC. */
  public static final int OVERHEAD = 12;

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  // A chunk whose type and data take fewer bytes than this has its CRC computed from a table.
  // CRC32.update's intrinsic takes about 20 ns for any input shorter than 16 bytes on JDK 17 with
  // AVX-512, against 5 ns for 16 bytes; the table, 3 to 11 ns (docs/PERFORMANCE.md).
  static final int TABLE_CRC_BELOW = 16;
  // Four tables of 256 entries for the CRC-32 of ISO-HDLC, the polynomial reflected: entry n of
  // table k is the CRC register after byte n and then k zero bytes.
  private static final int[] CRC_TABLES = crcTables();

  private static final int CHDR = ChunkType.CHDR.value();
  private static final int CEND = ChunkType.CEND.value();

  private Framing() {}

  /** A fresh CRC-32 (ISO-HDLC, as PNG and zlib). */
  public static CRC32 newCrc() {
    return new CRC32();
  }

  /**
   * The CRC of a chunk whose type's four bytes are at {@code typeAt} and whose {@code length}
   * bytes of data follow them: the format lays them out so, and one pass covers both.
   */
  public static int crc(byte[] bytes, int typeAt, int length) {
    if (fromTables(length)) {
      return tableCrc(bytes, typeAt, 4 + length); // no CRC32 to make
    }
    return crc(new CRC32(), bytes, typeAt, length);
  }

  /**
   * The CRC of a chunk laid out as {@link #crc(byte[], int, int)} says, computed with {@code
   * crc}, which is reset first: for a reader or writer that checks many chunks with one {@code
   * CRC32}, and so allocates none per chunk whatever the JIT inlines. A chunk with fewer than 12
   * bytes of data has its CRC from the tables instead, and {@code crc} is left as it was.
   */
  public static int crc(CRC32 crc, byte[] bytes, int typeAt, int length) {
    if (fromTables(length)) {
      return tableCrc(bytes, typeAt, 4 + length);
    }
    crc.reset();
    crc.update(bytes, typeAt, 4 + length);
    return (int) crc.getValue();
  }

  /**
   * The CRC-32 that {@link CRC32} computes over {@code n} bytes of {@code bytes} from {@code
   * from}, from the tables: four bytes a step (slicing by four), then a byte a step.
   *
   * @throws IndexOutOfBoundsException if the bytes are not all in {@code bytes}
   */
  static int tableCrc(byte[] bytes, int from, int n) {
    return ~tableUpdate(~0, bytes, from, n);
  }

  /**
   * Whether a chunk with {@code length} bytes of data has its CRC from the tables: compared
   * unsigned, so that a negative length, which no caller passes, takes CRC32's path as before.
   */
  private static boolean fromTables(int length) {
    return Integer.compareUnsigned(length, TABLE_CRC_BELOW - 4) < 0;
  }

  /** The CRC register {@code c} after {@code n} more bytes of {@code bytes} from {@code from}. */
  private static int tableUpdate(int c, byte[] bytes, int from, int n) {
    Objects.checkFromIndexSize(from, n, bytes.length);
    int[] t = CRC_TABLES;
    int i = from;
    int end = from + n;
    for (; end - i >= 4; i += 4) {
      c = sliceStep(c ^ (int) LITTLE_ENDIAN_INT.get(bytes, i));
    }
    for (; i < end; i++) {
      c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    }
    return c;
  }

  /**
   * The CRC register after four bytes, given the register with those bytes already xored into it,
   * the first in its low byte.
   */
  private static int sliceStep(int c) {
    int[] t = CRC_TABLES;
    return t[768 + (c & 0xff)] ^ t[512 + ((c >>> 8) & 0xff)] ^ t[256 + ((c >>> 16) & 0xff)]
        ^ t[c >>> 24];
  }

  /** The CRC register after the four bytes of {@code type}, big-endian, from the start. */
  private static int typeRegister(int type) {
    return sliceStep(~0 ^ Integer.reverseBytes(type));
  }

  private static int[] crcTables() {
    int[] t = new int[4 * 256];
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      }
      t[n] = c;
    }
    for (int k = 1; k < 4; k++) {
      for (int n = 0; n < 256; n++) {
        int previous = t[(k - 1) * 256 + n];
        t[k * 256 + n] = (previous >>> 8) ^ t[previous & 0xff];
      }
    }
    return t;
  }

  /** The CRC of a chunk of type {@code type} with no data, such as {@code CEND}. */
  public static int emptyCrc(int type) {
    return ~typeRegister(type);
  }

  /**
   * The CRC of a chunk whose type's four bytes are at {@code typeAt} of {@code bytes}, and whose
   * data follows them up to {@code end} with arrays spliced in: array {@code i} (from {@code
   * first} to {@code last}, exclusive) stands before {@code bytes[at[i]]}. For a writer that hands
   * large arrays to its output instead of copying them: the CRC is taken over each array where it
   * lies. {@code crc} is reset first.
   */
  public static int crc(
      CRC32 crc,
      byte[] bytes,
      int typeAt,
      int end,
      int[] at,
      byte[][] arrays,
      int first,
      int last) {
    crc.reset();
    int from = typeAt;
    for (int i = first; i < last; i++) {
      crc.update(bytes, from, at[i] - from);
      crc.update(arrays[i], 0, arrays[i].length);
      from = at[i];
    }
    crc.update(bytes, from, end - from);
    return (int) crc.getValue();
  }

  /**
   * The CRC of a chunk of type {@code type} whose data is elsewhere; for fewer than 12 bytes of
   * data, from the tables, as {@link #crc(CRC32, byte[], int, int)} computes it.
   */
  public static int crc(CRC32 crc, int type, byte[] data, int offset, int length) {
    if (fromTables(length)) {
      return ~tableUpdate(typeRegister(type), data, offset, length);
    }
    crc.reset();
    crc.update(type >>> 24);
    crc.update(type >>> 16);
    crc.update(type >>> 8);
    crc.update(type);
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /** Whether {@code type} is {@code CHDR} or {@code CEND}, which only the top level holds. */
  public static boolean isStreamCode(int type) {
    return type == CHDR || type == CEND;
  }

  /**
   * Checks the declared length and the type bytes of the chunk at {@code offset}.
   *
   * @param path the chunk's path, for a type the error cannot name (below the top level, the
   *     parent's)
   */
  public static void checkHeader(long offset, long length, int type, String path)
      throws ChunkStreamException {
    if (length > MAX_LENGTH) {
      throw Errors.lengthTooLarge(offset, type, length);
    }
    if (!ChunkType.isValid(type)) {
      throw Errors.type(offset, path, Errors.notLetters(type));
    }
  }

  /** Checks a chunk's stored CRC against the one its type and data give. */
  public static void checkCrc(long offset, String path, int stored, int computed)
      throws ChunkStreamException {
    if (stored != computed) {
      throw Errors.crc(offset, path, stored, computed);
    }
  }

  /**
   * The rule for a chunk the reader does not know, at any depth (SPEC §2): an ancillary one is
   * skipped and reported, a critical one fails the stream.
   *
   * @return the record of the skipped chunk
   * @throws ChunkStreamException {@code UNKNOWN_CRITICAL} for a critical chunk
   */
  public static SkippedChunk unknown(ChunkType type, long offset, int length, String path)
      throws ChunkStreamException {
    if (type.isCritical()) {
      throw Errors.unknownCritical(type, offset, path);
    }
    return new SkippedChunk(type, offset, length, path);
  }

  /**
   * Checks the framing of the sub-chunk at {@code pos} inside a chunk's data, as every reader does
   * at every depth (SPEC §4), and returns the length of its data. The parent's data is {@code
   * buf[start, limit)}; the parent stands at stream offset {@code parentOffset} with path {@code
   * parentPath} and nests {@code depth} levels below its top-level chunk (0 for a top-level chunk).
   *
   * @throws ChunkStreamException {@code LENGTH} at the parent if the bytes left do not form a
   *     chunk, {@code TYPE} at the parent if the type bytes are not letters, {@code CRC} for a
   *     damaged sub-chunk, {@code STRUCTURE} for {@code CHDR} or {@code CEND} inside a chunk or for
   *     a sub-chunk deeper than {@code maxDepth}
   */
  public static int checkSubChunk(
      byte[] buf,
      int start,
      int pos,
      int limit,
      long parentOffset,
      String parentPath,
      int depth,
      int maxDepth)
      throws ChunkStreamException {
    long subOffset = parentOffset + 8 + (pos - start);
    int left = limit - pos;
    int at = pos - start;
    if (left < OVERHEAD) {
      throw Errors.length(
          parentOffset,
          parentPath,
          left + " bytes at data byte " + at + " do not form a sub-chunk (one takes at least 12)"
              + Errors.layoutHint(parentPath));
    }
    long length = Integer.toUnsignedLong(getInt(buf, pos));
    int subType = getInt(buf, pos + 4);
    if (length > left - OVERHEAD) {
      throw Errors.length(
          parentOffset,
          parentPath,
          "the bytes at data byte " + at + " do not form a sub-chunk: they declare length "
              + length + ", past the end of this chunk's data, which has " + (left - OVERHEAD)
              + " bytes left for it" + Errors.layoutHint(parentPath));
    }
    if (!ChunkType.isValid(subType)) {
      // Not named in the path: bytes that are not a type code are no chunk's name.
      throw Errors.type(
          parentOffset,
          parentPath,
          "the sub-chunk at data byte " + at + " has " + Errors.notLetters(subType)
              + Errors.layoutHint(parentPath));
    }
    int len = (int) length;
    String subPath = parentPath + "/" + ChunkType.render(subType);
    checkCrc(subOffset, subPath, getInt(buf, pos + 8 + len), crc(buf, pos + 4, len));
    if (isStreamCode(subType)) {
      throw Errors.structure(
          subOffset, subPath, ChunkType.render(subType) + " may appear only at the top level");
    }
    if (depth >= maxDepth) {
      throw Errors.structure(
          subOffset, subPath, "sub-chunks nest deeper than " + maxDepth + " levels");
    }
    return len;
  }

  /**
   * The data length of the chunk at {@code at} of {@code bytes}, if all of it lies before {@code
   * end} and its length, type letters and CRC are right; -1 otherwise, and the caller's own checks
   * then say what is wrong. For readers that take a well-formed chunk in place in one step.
   */
  public static int checkedLength(byte[] bytes, int at, int end, CRC32 crc) {
    if (end - at < OVERHEAD) {
      return -1;
    }
    int len = getInt(bytes, at);
    if (len < 0
        || len > end - at - OVERHEAD
        || !ChunkType.isValid(getInt(bytes, at + 4))
        || getInt(bytes, at + 8 + len) != crc(crc, bytes, at + 4, len)) {
      return -1;
    }
    return len;
  }

  /**
   * The length of the data of the one framed chunk of type {@code type} that fills {@code chunk},
   * its length, type letters and CRC (taken with {@code crc}) checked as a stream's reader checks
   * a top-level chunk.
   *
   * @throws ChunkStreamException what {@link #chunkError} says is wrong, if the bytes are not such
   *     a chunk
   */
  public static int filledChunkLength(byte[] chunk, int type, CRC32 crc)
      throws ChunkStreamException {
    int length = checkedLength(chunk, 0, chunk.length, crc);
    if (length >= 0 && length == chunk.length - OVERHEAD && getInt(chunk, 4) == type) {
      return length;
    }
    throw chunkError(chunk, type);
  }

  /**
   * Why the bytes of {@code chunk} are not one framed chunk of type {@code expectedType} that fills
   * them, in the order a stream's reader checks a top-level chunk: its header, its CRC, then what
   * follows it and whose type it is.
   */
  public static ChunkStreamException chunkError(byte[] chunk, int expectedType) {
    int n = chunk.length;
    if (n < OVERHEAD) {
      return Errors.truncated(
          0, "", n + " bytes do not form a chunk (one takes at least " + OVERHEAD + ")");
    }
    long length = Integer.toUnsignedLong(getInt(chunk, 0));
    int type = getInt(chunk, 4);
    String path = ChunkType.render(type);
    try {
      checkHeader(0, length, type, path);
    } catch (ChunkStreamException e) {
      return e;
    }
    if (length > n - OVERHEAD) {
      return Errors.truncated(
          0,
          path,
          "the chunk declares " + length + " bytes of data, but " + (n - OVERHEAD)
              + " follow its header");
    }
    int len = (int) length;
    int stored = getInt(chunk, 8 + len);
    int computed = crc(chunk, 4, len);
    if (stored != computed) {
      return Errors.crc(0, path, stored, computed);
    }
    if (len < n - OVERHEAD) {
      return Errors.trailingData(
          OVERHEAD + len, (n - OVERHEAD - len) + " bytes follow the chunk's CRC");
    }
    return Errors.structure(
        0, path, "expected a " + ChunkType.render(expectedType) + " chunk, found " + path);
  }

  /** The big-endian int at {@code i}. */
  public static int getInt(byte[] b, int i) {
    return (int) INT.get(b, i);
  }

  /** The big-endian {@code long} at index {@code i} of {@code b}. */
  public static long getLong(byte[] b, int i) {
    return (long) LONG.get(b, i);
  }

  /** Writes {@code v} big-endian at {@code i}. */
  public static void putInt(byte[] b, int i, int v) {
    INT.set(b, i, v);
  }
}

package io.chunkstate.internal;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads top-level chunks, from an {@code InputStream} or a byte array: every byte of a stream's
 * framing passes through here, at the top level, whatever reads it. A chunk is read in two steps:
 * {@link #nextHeader()} checks its length and type; then {@link #readData()} reads and checks its
 * data, or {@link #skipData()} streams it through its CRC in constant memory. A chunk the caller
 * decodes, with all its checks passed, can also be read in one: {@link #nextInPlace()} over a
 * byte array, {@link #readRegular} for a run of them from an {@code InputStream}.
 *
 * <p>It reads exactly the bytes it needs, never ahead: what follows a stream in its input stays
 * unread. A declared length is never trusted with memory: data from an {@code InputStream} is
 * buffered as it arrives, starting at 64 KiB and doubling, and charged to the budget, if one is
 * set, until the next header is read. Over a byte array, data is not copied at all.
 */
public final class FrameReader {
  private static final int FIRST_BUFFER = 64 * 1024;
  private static final int SKIP_BUFFER = 8 * 1024;
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final String CRC_ENDS = "the stream ends inside the CRC of a chunk";
  private static final int NO_HEADER = -1;
  private static final int HEADER = 8;

  private final InputStream in;
  private final byte[] array;
  private final int arrayEnd;
  // Eight bytes for a header, a CRC or a signature that is not read in place; made when first
  // needed, which a byte array with all its bytes never does.
  private byte[] word;
  private final CRC32 crc;
  private long position;
  // The chunk whose header nextHeader() read, and whose data comes next.
  private long pendingStart;
  private int pendingType;
  private int pendingLength;
  private byte[] scratch;
  // The data of the chunk last read, and the buffer a transient read reuses.
  private byte[] dataArray;
  private int dataOffset;
  private byte[] reused;
  private Budget budget;
  private long charged;
  // A header readRegular() read and left for nextHeader(): NO_HEADER, none; 0, the stream ended
  // where it would begin; HEADER, all of it, in word.
  private int held = NO_HEADER;

  private FrameReader(InputStream in, byte[] array, int arrayEnd, CRC32 crc) {
    this.in = in;
    this.array = array;
    this.arrayEnd = arrayEnd;
    this.crc = crc;
  }

  /** A reader of {@code in}, whose first eight bytes must be {@code signature}. */
  public static FrameReader open(InputStream in, byte[] signature) throws IOException {
    FrameReader reader = new FrameReader(in, null, 0, Framing.newCrc());
    reader.checkSignature(signature);
    return reader;
  }

  /** A reader of {@code bytes}, whose first eight bytes must be {@code signature}. */
  public static FrameReader open(byte[] bytes, byte[] signature) throws ChunkStreamException {
    FrameReader reader = new FrameReader(null, bytes, bytes.length, Framing.newCrc());
    try {
      reader.checkSignature(signature);
    } catch (ChunkStreamException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError(e); // a byte array source does no I/O
    }
    return reader;
  }

  /**
   * A reader of {@code bytes} from the chunk that starts at {@code position}, whose signature and
   * earlier chunks have been read and checked elsewhere, with {@code crc} as its {@link #crc()}.
   */
  public static FrameReader resume(byte[] bytes, int position, CRC32 crc) {
    FrameReader reader = new FrameReader(null, bytes, bytes.length, crc);
    reader.position = position;
    return reader;
  }

  private byte[] word() {
    if (word == null) {
      word = new byte[8];
    }
    return word;
  }

  /**
   * The {@code CRC32} this reader checks chunks with: a read's readers of sub-chunks share it,
   * since a chunk is checked before it is decoded.
   */
  public CRC32 crc() {
    return crc;
  }

  /** Whether the chunks are read in place from a byte array, not copied. */
  public boolean inPlace() {
    return array != null;
  }

  private void checkSignature(byte[] signature) throws IOException {
    if (array != null
        && arrayEnd >= 8
        && Arrays.equals(array, 0, 8, signature, 0, signature.length)) {
      position = 8;
      return;
    }
    int n = read(word(), 0, 8);
    if (n < 8 || !Arrays.equals(signature, word)) {
      throw Errors.signature(
          "expected signature " + hex(signature, 8) + " but found " + hex(word, n)
              + describe(word, n));
    }
  }

  /** Charges the data buffers of chunks read from an {@code InputStream} to {@code budget}. */
  public void chargeTo(Budget budget) {
    this.budget = budget;
  }

  /** The stream offset of the next byte to read. */
  public long position() {
    return position;
  }

  /**
   * Reads and checks the length and type of the next chunk, leaving its data unread. Returns
   * false if the stream ends exactly where a chunk would begin.
   *
   * @throws ChunkStreamException {@code TRUNCATED} inside the header, {@code LENGTH} for a length
   *     above 2^31−1, {@code TYPE} for a type byte that is not a letter
   */
  public boolean nextHeader() throws IOException {
    release();
    long start = position;
    long length;
    int type;
    if (array != null && arrayEnd - start >= 8) {
      // A whole header in the array: read in place.
      length = Integer.toUnsignedLong(Framing.getInt(array, (int) start));
      type = Framing.getInt(array, (int) start + 4);
      position = start + 8;
    } else {
      int n = held;
      if (n == NO_HEADER) {
        n = read(word(), 0, HEADER);
      } else {
        held = NO_HEADER; // the header readRegular() read, read here now
        start -= n;
      }
      if (n == 0) {
        return false;
      }
      if (n < HEADER) {
        throw headerEnds(start, n);
      }
      length = Integer.toUnsignedLong(Framing.getInt(word, 0));
      type = Framing.getInt(word, 4);
    }
    if (length > Framing.MAX_LENGTH || !ChunkType.isValid(type)) {
      Framing.checkHeader(start, length, type, ChunkType.render(type));
    }
    pendingStart = start;
    pendingType = type;
    pendingLength = (int) length;
    return true;
  }

  /**
   * Reads the next chunk of a byte array in one step when it has data, all of it is there, and its
   * length, type and CRC are right: returns true, as {@link #nextHeader()} and then {@link
   * #readDataTransient()} would have, the chunk's data at {@link #dataOffset()} of {@link
   * #dataArray()}. Otherwise, and always for an {@code InputStream}, reads nothing and returns
   * false: the chunk is then read in those two steps, which say what is wrong with it. The checks
   * are theirs, all passed. A chunk without data, such as {@code CEND}, has nothing to decode and
   * always takes the two steps.
   */
  public boolean nextInPlace() {
    if (array == null || arrayEnd - position < Framing.OVERHEAD) {
      return false;
    }
    int at = (int) position;
    if (Framing.getInt(array, at) == 0) {
      return false; // no data to decode
    }
    int len = Framing.checkedLength(array, at, arrayEnd, crc);
    if (len < 0) {
      return false;
    }
    release();
    pendingStart = at;
    pendingType = Framing.getInt(array, at + 4);
    pendingLength = len;
    dataArray = array;
    dataOffset = at + 8;
    position = at + Framing.OVERHEAD + len;
    return true;
  }

  /** What {@link #readRegular} reads whole, and what it hands each such chunk to. */
  public interface Regular {
    /**
     * Whether the chunk of type {@code type} at stream offset {@code start}, with {@code length}
     * bytes of data, whose header was just read, is one to read whole: one to decode, within the
     * read's limits. Changes nothing.
     */
    boolean admits(int type, int length, long start);

    /**
     * Takes the chunk it admitted, read and checked: its {@code length} bytes of data at {@code
     * offset} of {@code array}, which holds them until the next chunk is read.
     */
    void take(byte[] array, int offset, int length, int type, long start)
        throws ChunkStreamException;
  }

  /**
   * Reads the chunks of an {@code InputStream} one after the other for as long as {@code regular}
   * admits each from its header, its type, data and CRC fit a first buffer, and the budget has
   * room for {@code alsoCharge} bytes and that buffer: for each, charges both, reads the data and
   * CRC into the buffer a transient read reuses, checks them and hands the chunk to {@code
   * regular}, as {@link #nextHeader()} and then {@link #readDataTransient()} would with the first
   * charge between them. Returns at the first other chunk, having read its header and charged
   * nothing for it: the next {@link #nextHeader()} returns that header, and the steps read the
   * chunk and say what is wrong with it. Before the first transient read, with a header held, and
   * over a byte array, reads nothing.
   *
   * <p>Each chunk it reads has passed the checks of those steps and the budget's, made as they
   * make them; its data and CRC fail as they would fail there. The loop keeps the reader's place
   * in locals: the input stream's reads, a call each that the compiler cannot see through (a
   * {@code ByteArrayInputStream}'s is {@code synchronized}), would otherwise have every field
   * stored before and loaded again after them.
   *
   * @throws ChunkStreamException {@code TRUNCATED} inside a chunk, {@code CRC} if a CRC does not
   *     match, and whatever {@code regular} throws for a chunk it takes
   */
  public void readRegular(Regular regular, long alsoCharge) throws IOException {
    byte[] data = reused;
    if (in == null || data == null || held != NO_HEADER) {
      return;
    }
    InputStream in = this.in;
    byte[] header = word; // made with the first header, before any transient read
    Budget budget = this.budget;
    long start = position; // of the chunk whose header comes next
    long read = start; // the stream offset of the next byte to read
    int used = 0; // what the buffer of the chunk taken last is charged
    release();
    try {
      while (true) {
        if (used != 0) {
          budget.release(used); // as nextHeader() releases it
          used = 0;
        }
        int n = in.readNBytes(header, 0, HEADER);
        read = start + n;
        if (n < HEADER) {
          if (n > 0) {
            throw headerEnds(start, n);
          }
          held = 0;
          return;
        }
        int length = Framing.getInt(header, 0);
        int type = Framing.getInt(header, 4);
        // A length above 2^31-1 is negative here; a type that is not a letter has no codec.
        int total = 4 + length + 4;
        if (length < 0
            || length > FIRST_BUFFER - 8
            || !regular.admits(type, length, start)
            || (budget != null && !budget.tryCharge(alsoCharge + total))) {
          held = HEADER;
          return;
        }
        used = budget == null ? 0 : total;
        if (data.length < total) {
          data = new byte[total]; // as readData() makes it: a first buffer takes the chunk
          reused = data;
        }
        Framing.putInt(data, 0, type);
        int filled = in.readNBytes(data, 4, length + 4);
        read += filled;
        if (filled < length + 4) {
          throw dataOrCrcEnds(start, type, filled, length);
        }
        int computed = Framing.crc(crc, data, 0, length);
        int stored = Framing.getInt(data, 4 + length);
        if (stored != computed) {
          Framing.checkCrc(start, ChunkType.render(type), stored, computed);
        }
        regular.take(data, 4, length, type, start);
        start = read;
      }
    } finally {
      position = read;
      charged = used;
    }
  }

  /**
   * Goes back to the start of the chunk that {@link #nextInPlace()} read, to read it again in two
   * steps.
   */
  public void rewind() {
    position = pendingStart;
  }

  /** The type of the chunk whose header {@link #nextHeader()} read. */
  public int pendingType() {
    return pendingType;
  }

  /** The length of the chunk whose header {@link #nextHeader()} read. */
  public int pendingLength() {
    return pendingLength;
  }

  /** The offset of the chunk whose header {@link #nextHeader()} read. */
  public long pendingStart() {
    return pendingStart;
  }

  /**
   * Reads and checks the data and CRC of the chunk whose header {@link #nextHeader()} read.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside it, {@code CRC} if
   *     the CRC does not match, {@code LIMIT} if its buffer would pass the budget
   */
  public Frame readData() throws IOException {
    int stored = readChecked(false);
    return new Frame(pendingType, pendingStart, dataArray, dataOffset, pendingLength, stored);
  }

  /**
   * Reads and checks the data and CRC of the chunk whose header {@link #nextHeader()} read, as
   * {@link #readData()} does, into a buffer this reader reuses for the next chunk: the data is at
   * {@link #dataOffset()} of {@link #dataArray()} until the next call. For a chunk that is decoded
   * (every value copied out of it) and then dropped.
   *
   * @throws ChunkStreamException as {@link #readData()}
   */
  public void readDataTransient() throws IOException {
    readChecked(true);
  }

  /** The array that holds the data {@link #readDataTransient()} read. */
  public byte[] dataArray() {
    return dataArray;
  }

  /** Where in {@link #dataArray()} the data {@link #readDataTransient()} read starts. */
  public int dataOffset() {
    return dataOffset;
  }

  private int readChecked(boolean transientBuffer) throws IOException {
    long start = pendingStart;
    int type = pendingType;
    int len = pendingLength;
    int computed;
    int stored;
    if (array != null) {
      dataArray = array;
      dataOffset = passInPlace(start, type, len);
      computed = Framing.crc(crc, array, dataOffset - 4, len); // the type bytes precede the data
      stored = readCrc(start, type);
    } else {
      // The type, then the data and its CRC in one read: one CRC pass covers the type and data.
      byte[] data = readData(start, type, len, transientBuffer);
      if (dataArray != data) {
        dataArray = data; // a transient read reuses its buffer: the reference is stored once
      }
      dataOffset = 4;
      computed = Framing.crc(crc, dataArray, 0, len);
      stored = Framing.getInt(dataArray, 4 + len);
    }
    if (stored != computed) {
      Framing.checkCrc(start, ChunkType.render(type), stored, computed);
    }
    return stored;
  }

  /**
   * Reads the data of the chunk whose header {@link #nextHeader()} read through its CRC and
   * checks it, holding no more than a small buffer at any time: for a chunk that is skipped.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside it, {@code CRC} if
   *     the CRC does not match
   */
  public void skipData() throws IOException {
    passData(null);
  }

  /**
   * Reads the data of the chunk whose header {@link #nextHeader()} read through its CRC as {@link
   * #skipData()} does, writing it to {@code sink} as it passes, and returns the CRC: for a chunk
   * that is copied unchanged without being held. The data reaches {@code sink} before its CRC is
   * checked, so after an exception {@code sink} may hold part of it.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the stream ends inside it, {@code CRC} if
   *     the CRC does not match
   */
  public int copyData(OutputStream sink) throws IOException {
    return passData(sink);
  }

  private int passData(OutputStream sink) throws IOException {
    long start = pendingStart;
    int type = pendingType;
    int len = pendingLength;
    int computed;
    if (len == 0) {
      computed = Framing.emptyCrc(type);
    } else if (array != null) {
      int from = passInPlace(start, type, len);
      computed = Framing.crc(crc, array, from - 4, len); // the type bytes precede the data
      if (sink != null) {
        sink.write(array, from, len);
      }
    } else {
      crc.reset();
      Framing.putInt(word(), 0, type);
      crc.update(word, 0, 4);
      if (scratch == null || scratch.length < Math.min(len, SKIP_BUFFER)) {
        scratch = new byte[Math.min(len, SKIP_BUFFER)];
      }
      long left = len;
      while (left > 0) {
        int n = read(scratch, 0, (int) Math.min(left, scratch.length));
        if (n == 0) {
          throw Errors.truncated(start, ChunkType.render(type), dataEnds(len - left, len));
        }
        crc.update(scratch, 0, n);
        if (sink != null) {
          sink.write(scratch, 0, n);
        }
        left -= n;
      }
      computed = (int) crc.getValue();
    }
    int stored = readCrc(start, type);
    if (stored != computed) {
      Framing.checkCrc(start, ChunkType.render(type), stored, computed);
    }
    return computed;
  }

  /**
   * Checks that the stream has ended.
   *
   * @throws ChunkStreamException {@code TRAILING_DATA} at the current position if any byte
   *     follows
   */
  public void requireEnd() throws IOException {
    long at = position;
    if (array != null ? at < arrayEnd : read(word(), 0, 1) > 0) {
      throw Errors.trailingData(at);
    }
  }

  /** Closes the input stream, if there is one. */
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }

  /**
   * Passes over the {@code len} bytes of the pending chunk's data in the array, which must all be
   * there, and returns where they start: its type's four bytes stand just before.
   */
  private int passInPlace(long start, int type, int len) throws ChunkStreamException {
    if (arrayEnd - position < len) {
      throw Errors.truncated(start, ChunkType.render(type), dataEnds(arrayEnd - position, len));
    }
    int from = (int) position;
    position += len;
    return from;
  }

  private int readCrc(long start, int type) throws IOException {
    if (array != null && arrayEnd - position >= 4) {
      int stored = Framing.getInt(array, (int) position); // read in place
      position += 4;
      return stored;
    }
    if (read(word(), 0, 4) < 4) {
      throw Errors.truncated(start, ChunkType.render(type), CRC_ENDS);
    }
    return Framing.getInt(word, 0);
  }

  /**
   * The four bytes of {@code type}, then the {@code len} bytes of a chunk's data read from the
   * stream, and the four of its CRC after them: laid out as in the stream, so that one CRC pass
   * covers the type and the data.
   */
  private byte[] readData(long start, int type, int len, boolean transientBuffer)
      throws IOException {
    // Grow as bytes arrive: the declared length is not trusted with an allocation. A transient
    // buffer kept from an earlier chunk is charged again, as long as it is held for this one.
    long total = 4L + len + 4;
    int first = charge(start, type, (int) Math.min(total, FIRST_BUFFER));
    byte[] data;
    if (transientBuffer && reused != null && reused.length >= first) {
      data = reused;
    } else {
      data = new byte[first];
    }
    Framing.putInt(data, 0, type);
    int filled = 4;
    while (filled < total) {
      if (filled == data.length) {
        long grown = Math.min(total, 2L * data.length);
        if (grown > MAX_ARRAY) {
          throw Errors.limit(
              start,
              ChunkType.render(type),
              "the chunk's data of " + len + " bytes, with its type and CRC, is longer than a"
                  + " Java array can hold");
        }
        charge(start, type, (int) grown);
        data = Arrays.copyOf(data, (int) grown);
      }
      int n = read(data, filled, (int) Math.min(data.length, total) - filled);
      if (n == 0) {
        throw dataOrCrcEnds(start, type, filled - 4, len);
      }
      filled += n;
    }
    if (transientBuffer && reused != data) {
      reused = data;
    }
    return data;
  }

  /** Charges a buffer of {@code size} bytes to the budget, if one is set; returns the size. */
  private int charge(long start, int type, int size) throws ChunkStreamException {
    if (budget != null) {
      if (!budget.tryCharge(size)) {
        throw Errors.limit(
            start, ChunkType.render(type), budget.exceeded(size, "buffering the chunk's data"));
      }
      charged += size;
    }
    return size;
  }

  private void release() {
    if (budget != null) {
      budget.release(charged);
    }
    charged = 0;
  }

  /** Reads up to {@code len} bytes, fewer only at the end of the stream. */
  private int read(byte[] dst, int off, int len) throws IOException {
    if (array != null) {
      int n = (int) Math.min(len, arrayEnd - position);
      System.arraycopy(array, (int) position, dst, off, n);
      position += n;
      return n;
    }
    int total = in.readNBytes(dst, off, len);
    position += total;
    return total;
  }

  private static ChunkStreamException headerEnds(long start, int n) {
    return Errors.truncated(start, "", "the stream ends " + n + " bytes into a chunk header");
  }

  /**
   * The error for the chunk of type {@code type} at {@code start}, with {@code len} bytes of data,
   * whose stream ended {@code read} bytes after its type: inside its data, or inside its CRC.
   */
  private static ChunkStreamException dataOrCrcEnds(long start, int type, long read, int len) {
    return Errors.truncated(
        start, ChunkType.render(type), read < len ? dataEnds(read, len) : CRC_ENDS);
  }

  private static String dataEnds(long filled, int len) {
    return "the stream ends " + filled + " bytes into the data of a chunk of length " + len;
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

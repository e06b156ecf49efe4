package io.chunkstate.wire;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkType;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A growable buffer with the encoding primitives of SPEC §4 and the chunk framing of §1.
 * Generated codecs write their inline fields with it and frame sub-chunks with {@link
 * #writeChunk(ChunkCodec, Object)}.
 *
 * <p>Reused after {@link #reset()}, it allocates nothing once it has grown to the size of the
 * state it writes: strings are encoded to UTF-8 in place and the CRC is computed over the buffer.
 * It is not safe for use by several threads at once.
 */
public final class WireWriter {
  static {
    // StateWriter writes through writers that share large arrays, or fill the caller's array.
    Access.register(new Access.Writers<WireWriter>() {
      @Override
      public WireWriter sharing() {
        WireWriter writer = new WireWriter(512);
        writer.shareFrom = SHARE_FROM;
        return writer;
      }

      @Override
      public WireWriter into(byte[] array, int offset, int end) {
        return new WireWriter(array, offset, end);
      }

      @Override
      public int end(WireWriter writer) {
        return writer.size;
      }

      @Override
      public void commit(WireWriter writer) {
        writer.base = writer.size;
      }
    });
  }

  // A byte array field at least this long, of a top-level chunk's own data, is not copied by a
  // sharing writer: its CRC is taken over the array itself, and writeTo hands the array to the
  // output stream. It is copied in after all when a chunk begins inside that chunk, or when a
  // chunk that holds it ends inside it: a nested state's code (its pre-save hook) runs from
  // there on, and could change the array after a CRC was taken over it.
  private static final int SHARE_FROM = 1024;
  private static final int FIRST_SHARED = 4;
  // The depth from which a writer records the states and types of open chunks, to find a state
  // that contains itself: such a state nests without end, so it reaches this depth and repeats
  // within the levels left before the nesting limit. Shallower chunks, nearly all of them, record
  // nothing: their types join the path of a refusal as it leaves them (TooDeep).
  private static final int TRACK_FROM = 8;

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private int depth;
  // The states and types of the chunks open at depth TRACK_FROM and deeper, made when first
  // needed.
  private Object[] open;
  private int[] openTypes;
  private byte[] buf;
  private int size;
  // Where the written bytes start in buf: 0, but in a caller's array; and whether buf may grow.
  private int base;
  private final boolean fixed;
  private int end;
  // One CRC32 for every chunk this writer frames.
  private final CRC32 crc = Framing.newCrc();
  // Shared arrays, in the order written: each stands, with its length, before buf[sharedAt[i]].
  private int shareFrom = Integer.MAX_VALUE;
  private int shared;
  private int[] sharedAt;
  private byte[][] sharedArrays;
  // Where the top-level chunk that writeChunk is writing begins: the one chunk that ends with
  // shared arrays still in it.
  private int topMark = -1;

  /** An empty writer with a small initial buffer. */
  public WireWriter() {
    this(256);
  }

  /** An empty writer whose buffer starts at {@code initialCapacity} bytes. */
  public WireWriter(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
    this.base = 0;
    this.fixed = false;
    this.end = buf.length;
  }

  /** A writer that writes into {@code array} from {@code offset} up to {@code end}, no further. */
  private WireWriter(byte[] array, int offset, int end) {
    this.buf = array;
    this.base = offset;
    this.size = offset;
    this.fixed = true;
    this.end = end;
  }

  /** Empties the writer, keeping its buffer. */
  public void reset() {
    size = base;
    topMark = -1;
    if (depth > TRACK_FROM || shared > 0) {
      dropReferences(); // kept out of line: a writer resets after every state
    }
    depth = 0;
  }

  /** Drops what a writer holds of the states written: open deep states and shared arrays. */
  private void dropReferences() {
    if (depth > TRACK_FROM) {
      Arrays.fill(open, TRACK_FROM, depth, null);
    }
    if (shared > 0) {
      Arrays.fill(sharedArrays, 0, shared, null);
      shared = 0;
    }
  }

  /** The number of bytes written. */
  public int size() {
    int n = size - base;
    for (int i = 0; i < shared; i++) {
      n += sharedArrays[i].length;
    }
    return n;
  }

  /** The buffer; its first {@link #size()} bytes are the written ones. */
  public byte[] buffer() {
    if (shared > 0) {
      copyShared();
    }
    return buf;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(buffer(), base, size);
  }

  /** Writes the bytes written so far to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    int from = base;
    for (int i = 0; i < shared; i++) {
      out.write(buf, from, sharedAt[i] - from);
      out.write(sharedArrays[i]);
      from = sharedAt[i];
    }
    out.write(buf, from, size - from);
  }

  private void ensure(long n) {
    if (end - size < n) {
      grow(n);
    }
  }

  private void grow(long n) {
    long needed = size + n;
    if (fixed) {
      throw new IllegalStateException(
          "the target array is full: " + n + " more bytes needed, " + (end - size) + " left");
    }
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("state larger than 2 GiB cannot be written in one chunk");
    }
    long doubled = Math.min(Integer.MAX_VALUE - 8, 2L * buf.length);
    buf = Arrays.copyOf(buf, (int) Math.max(needed, doubled));
    end = buf.length;
  }

  // ---- framing ----

  /** Writes raw bytes, for a signature or a copied chunk. */
  public void writeRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  /**
   * Starts a chunk of type {@code type}: writes a placeholder length and the type, and returns the
   * mark to pass to {@link #endChunk(int)} once the data is written.
   */
  public int beginChunk(ChunkType type) {
    if (shared > 0) {
      copyShared(); // what runs from here on must not change what a CRC was taken over
    }
    int mark = size;
    ensure(8);
    byte[] b = buf;
    INT.set(b, mark, 0);
    INT.set(b, mark + 4, type.value());
    size = mark + 8;
    return mark;
  }

  /**
   * Starts a sub-chunk of the chunk being written whose data the caller writes itself, as a
   * generated codec does for a struct field that declares its own sub-chunk code: it holds no
   * state of its own that could contain the chunk, so only its depth is checked. Returns the mark
   * to pass to {@link #endChunk(int)}.
   *
   * @throws IllegalArgumentException if the sub-chunk would nest deeper than SPEC §4 allows
   */
  public int beginSubChunk(ChunkType type) {
    if (depth > Limits.MAX_NESTING) {
      throw new TooDeep(openPath(TRACK_FROM, depth) + "/" + type.code(), "");
    }
    return beginChunk(type);
  }

  /** Ends the chunk begun at {@code mark}: fills in its length and appends its CRC. */
  public void endChunk(int mark) {
    if (shared > 0 && sharedAt[shared - 1] > mark) {
      if (mark == topMark) {
        endSplicedChunk(mark);
        return;
      }
      copyShared(); // a chunk inside the top-level chunk: its CRC over the copies
    }
    ensure(4);
    byte[] b = buf;
    int at = size;
    int length = at - mark - 8;
    INT.set(b, mark, length);
    INT.set(b, at, Framing.crc(crc, b, mark + 4, length));
    size = at + 4;
  }

  /** {@link #endChunk(int)} for a chunk that holds shared arrays, whose CRC covers them too. */
  private void endSplicedChunk(int mark) {
    int first = firstSharedAfter(mark);
    long spliced = size - mark - 8;
    for (int i = first; i < shared; i++) {
      spliced += sharedArrays[i].length;
    }
    if (spliced > Integer.MAX_VALUE) {
      throw new IllegalStateException("state larger than 2 GiB cannot be written in one chunk");
    }
    int value = Framing.crc(crc, buf, mark + 4, size, sharedAt, sharedArrays, first, shared);
    INT.set(buf, mark, (int) spliced);
    writeInt(value);
  }

  /** The first shared array inside a chunk begun at {@code mark}; {@code shared} if none. */
  private int firstSharedAfter(int mark) {
    int i = shared;
    while (i > 0 && sharedAt[i - 1] > mark) {
      i--;
    }
    return i;
  }

  /**
   * Copies the shared arrays into the buffer where they stand, in place: the bytes after each move
   * up by the length of the arrays before them. Only the top-level chunk is open before them, and
   * its mark lies before them all, so no mark moves.
   */
  private void copyShared() {
    long total = size;
    for (int i = 0; i < shared; i++) {
      total += sharedArrays[i].length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("state larger than 2 GiB cannot be written in one chunk");
    }
    ensure(total - size);
    int shift = (int) (total - size);
    int upTo = size;
    for (int i = shared - 1; i >= 0; i--) {
      int at = sharedAt[i];
      byte[] array = sharedArrays[i];
      System.arraycopy(buf, at, buf, at + shift, upTo - at);
      shift -= array.length;
      System.arraycopy(array, 0, buf, at + shift, array.length);
      upTo = at;
      sharedArrays[i] = null;
    }
    size = (int) total;
    shared = 0;
  }

  /** Records {@code v}, written here as its count's data, to be handed over, not copied. */
  private void share(byte[] v) {
    if (sharedAt == null) {
      sharedAt = new int[FIRST_SHARED];
      sharedArrays = new byte[FIRST_SHARED][];
    } else if (shared == sharedAt.length) {
      sharedAt = Arrays.copyOf(sharedAt, 2 * shared);
      sharedArrays = Arrays.copyOf(sharedArrays, 2 * shared);
    }
    sharedAt[shared] = size;
    sharedArrays[shared] = v;
    shared++;
  }

  /**
   * Writes {@code value} as one complete chunk (sub-chunks included) with {@code codec}.
   *
   * <p>Chunks written from inside a codec's {@code encode} are sub-chunks of the chunk being
   * written. SPEC §4 allows 64 levels of sub-chunks below a
   * top-level chunk, since no reader accepts more: a state that would need more, or that contains
   * itself (a cycle of mutable objects, which would need infinitely many), is refused before
   * this chunk is complete. The bytes written so far then belong to no valid chunk, and the
   * caller must {@link #reset()} the writer, as {@code StateWriter} does.
   *
   * @throws IllegalArgumentException if the state nests deeper than SPEC §4 allows, or contains
   *     itself
   */
  public <T> void writeChunk(ChunkCodec<T> codec, T value) {
    ChunkType type = codec.type();
    int d = depth;
    if (d >= TRACK_FROM) {
      trackOpen(value, type, d);
    }
    depth = d + 1;
    int mark = beginChunk(type);
    if (d == 0) {
      topMark = mark;
    }
    try {
      codec.encode(value, this);
    } catch (TooDeep e) {
      if (d < TRACK_FROM) {
        e.inside(type); // a chunk too shallow to have its type recorded
      }
      throw e;
    }
    endChunk(mark);
    if (d >= TRACK_FROM) {
      open[d] = null;
    }
    depth = d;
  }

  /**
   * Records {@code value} as open at depth {@code d}, refusing it when it is open already, or
   * when it would nest too deep.
   */
  private void trackOpen(Object value, ChunkType type, int d) {
    if (open == null) {
      open = new Object[Limits.MAX_NESTING + 1];
      openTypes = new int[Limits.MAX_NESTING + 1];
    }
    for (int i = TRACK_FROM; i < d; i++) {
      if (open[i] == value) {
        throw new IllegalArgumentException(
            value.getClass().getName() + " contains itself (" + openPath(i, d) + "/"
                + type.code() + "): a cycle of states cannot be written, since each would need"
                + " its own sub-chunk inside its own sub-chunk");
      }
    }
    if (d > Limits.MAX_NESTING) {
      throw new TooDeep(
          openPath(TRACK_FROM, d) + "/" + type.code(),
          "; a chain this long belongs in a list of sub-chunks");
    }
    open[d] = value;
    openTypes[d] = type.value();
  }

  /** The types of the open chunks from depth {@code from} to {@code to}, which are recorded. */
  private String openPath(int from, int to) {
    StringBuilder path = new StringBuilder();
    for (int i = from; i < to; i++) {
      path.append(i == from ? "" : "/").append(ChunkType.render(openTypes[i]));
    }
    return path.toString();
  }

  /**
   * A state refused for nesting deeper than SPEC §4 allows. It is found deep, where the types of
   * the open chunks are recorded; the shallower chunks add theirs as it leaves them, so that its
   * message names the whole path while writing a chunk records nothing for them.
   */
  private static final class TooDeep extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private String path;
    private final String advice;

    TooDeep(String deepPath, String advice) {
      this.path = deepPath;
      this.advice = advice;
    }

    void inside(ChunkType type) {
      path = type.code() + "/" + path;
    }

    @Override
    public String getMessage() {
      return "sub-chunks would nest deeper than " + Limits.MAX_NESTING + " levels below the"
          + " top-level chunk (" + path + "), which no reader accepts (SPEC §4)" + advice;
    }
  }

  /**
   * The error for a null element in a {@code List} of sub-chunks: each element travels as one
   * sub-chunk, and there is no sub-chunk for null. Generated codecs throw it.
   *
   * @param field the field, as {@code Class.field}
   * @param index the index of the null element
   */
  public IllegalArgumentException nullSubChunk(String field, int index) {
    return new IllegalArgumentException(
        field + " holds null at index " + index + ", but each element of a list or array of sub-chunks"
            + " travels as one sub-chunk, and null has none");
  }

  // ---- fixed-width values ----

  /** One byte, {@code 00} or {@code 01}. */
  public void writeBoolean(boolean v) {
    ensure(1);
    buf[size++] = v ? (byte) 1 : (byte) 0;
  }

  /** One byte. */
  public void writeByte(byte v) {
    ensure(1);
    buf[size++] = v;
  }

  /** Two bytes, big-endian. */
  public void writeShort(short v) {
    ensure(2);
    SHORT.set(buf, size, v);
    size += 2;
  }

  /** Two bytes, big-endian. */
  public void writeChar(char v) {
    writeShort((short) v);
  }

  /** Four bytes, big-endian. */
  public void writeInt(int v) {
    ensure(4);
    INT.set(buf, size, v);
    size += 4;
  }

  /** Eight bytes, big-endian. */
  public void writeLong(long v) {
    ensure(8);
    LONG.set(buf, size, v);
    size += 8;
  }

  /** The raw bits of {@code v}. */
  public void writeFloat(float v) {
    writeInt(Float.floatToRawIntBits(v));
  }

  /** The raw bits of {@code v}. */
  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  // ---- a run of fixed-width values, reserved once ----

  /**
   * Reserves {@code n} bytes and returns the index of the first: the fixed-width fields of a chunk
   * are then set at explicit indexes ({@link #setInt(int, int)} and the like) with one capacity
   * check for all of them. Every reserved byte must be set; generated codecs compute the indexes
   * at compile time. The index counts from the start of the written bytes, so it stays valid until
   * {@link #reset()}, even when a later write grows the buffer.
   */
  public int reserve(int n) {
    ensure(n);
    int at = size;
    size += n;
    return at;
  }

  /** Sets the byte at {@code index} of a reserved run to {@code 00} or {@code 01}. */
  public void setBoolean(int index, boolean v) {
    buf[index] = v ? (byte) 1 : (byte) 0;
  }

  /** Sets the byte at {@code index} of a reserved run. */
  public void setByte(int index, byte v) {
    buf[index] = v;
  }

  /** Sets two bytes, big-endian, at {@code index} of a reserved run. */
  public void setShort(int index, short v) {
    SHORT.set(buf, index, v);
  }

  /** Sets two bytes, big-endian, at {@code index} of a reserved run. */
  public void setChar(int index, char v) {
    SHORT.set(buf, index, (short) v);
  }

  /** Sets four bytes, big-endian, at {@code index} of a reserved run. */
  public void setInt(int index, int v) {
    INT.set(buf, index, v);
  }

  /** Sets eight bytes, big-endian, at {@code index} of a reserved run. */
  public void setLong(int index, long v) {
    LONG.set(buf, index, v);
  }

  /** Sets the raw bits of {@code v} at {@code index} of a reserved run. */
  public void setFloat(int index, float v) {
    INT.set(buf, index, Float.floatToRawIntBits(v));
  }

  /** Sets the raw bits of {@code v} at {@code index} of a reserved run. */
  public void setDouble(int index, double v) {
    LONG.set(buf, index, Double.doubleToRawLongBits(v));
  }

  /**
   * A presence byte for {@code value}: {@code 00} for null, {@code 01} otherwise. Returns whether
   * the value is present, so the caller writes it next.
   */
  public boolean writePresence(Object value) {
    writeBoolean(value != null);
    return value != null;
  }

  /**
   * A count: a number of elements, or {@code -1} for null ({@code FF FF FF FF}).
   *
   * @throws IllegalArgumentException if {@code count} is less than {@code -1}
   */
  public void writeCount(int count) {
    if (count < -1) {
      throw new IllegalArgumentException("negative count " + count);
    }
    writeInt(count);
  }

  // ---- variable-length values ----

  /**
   * A count and the UTF-8 bytes of {@code s}; the null count for null.
   *
   * @throws IllegalArgumentException if {@code s} has an unpaired surrogate, which UTF-8 cannot
   *     encode
   */
  public void writeString(String s) {
    if (s == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    int n = s.length();
    ensure(4L + n);
    int countAt = size;
    // ASCII fast path, in locals: one byte a char. Kept small, so that it inlines into a codec.
    byte[] b = buf;
    int from = countAt + 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        writeUtf8(s, countAt, i);
        return;
      }
      b[from + i] = (byte) c;
    }
    INT.set(b, countAt, n);
    size = from + n;
  }

  /**
   * The rest of {@link #writeString(String)} from the first char outside ASCII, at {@code i}: the
   * chars before it are in place after the count at {@code countAt}.
   */
  private void writeUtf8(String s, int countAt, int i) {
    int n = s.length();
    size = countAt + 4 + i;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        ensure(1);
        buf[size++] = (byte) c;
      } else if (c < 0x800) {
        ensure(2);
        buf[size++] = (byte) (0xc0 | (c >>> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        char low = i + 1 < n ? s.charAt(i + 1) : 0;
        if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
          size = countAt;
          throw new IllegalArgumentException(
              "string has an unpaired surrogate at index " + i + ", which UTF-8 cannot encode");
        }
        int cp = Character.toCodePoint(c, low);
        i++;
        ensure(4);
        buf[size++] = (byte) (0xf0 | (cp >>> 18));
        buf[size++] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
        buf[size++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
        buf[size++] = (byte) (0x80 | (cp & 0x3f));
      } else {
        ensure(3);
        buf[size++] = (byte) (0xe0 | (c >>> 12));
        buf[size++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
        buf[size++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    INT.set(buf, countAt, size - countAt - 4);
  }

  /** The name of {@code e} as a string; the null count for null. */
  public void writeEnum(Enum<?> e) {
    writeString(e == null ? null : e.name());
  }

  /**
   * The name of {@code e} as a string, as {@link #writeEnum(Enum)} writes it, copied from {@code
   * names}: what a generated codec keeps, so that writing a constant encodes no string.
   *
   * @param names the encoded names of the enum's constants, from {@link #enumNames(Enum[])}
   */
  public void writeEnum(Enum<?> e, byte[][] names) {
    if (e == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    byte[] name = names[e.ordinal()];
    int n = name.length;
    ensure(4L + n);
    int at = size;
    INT.set(buf, at, n);
    System.arraycopy(name, 0, buf, at + 4, n);
    size = at + 4 + n;
  }

  /**
   * The UTF-8 name of each of {@code constants}, as {@link #writeEnum(Enum)} writes it, at its
   * ordinal: for {@link #writeEnum(Enum, byte[][])}.
   *
   * @param constants the enum's constants, as {@code values()} returns them
   * @throws IllegalArgumentException if a name has an unpaired surrogate, which UTF-8 cannot
   *     encode
   */
  public static byte[][] enumNames(Enum<?>[] constants) {
    byte[][] names = new byte[constants.length][];
    for (Enum<?> constant : constants) {
      WireWriter name = new WireWriter(16);
      name.writeString(constant.name());
      names[constant.ordinal()] = Arrays.copyOfRange(name.buf, 4, name.size);
    }
    return names;
  }

  /**
   * An enum constant of an enum that travels by value (SPEC §4): a presence byte, then the value
   * the constant declares as an {@code int}; {@code 00} alone for null.
   *
   * @param constants the enum's constants, as a generated codec keeps them
   * @param values the value each of {@code constants} declares, at the same index
   * @throws IllegalArgumentException if {@code e} is not among {@code constants}: the enum gained
   *     a constant after its codec was generated
   */
  public void writeEnumValue(Enum<?> e, Enum<?>[] constants, int[] values) {
    if (e == null) {
      writeByte((byte) 0);
      return;
    }
    for (int i = 0; i < constants.length; i++) {
      if (constants[i] == e) {
        writeByte((byte) 1);
        writeInt(values[i]);
        return;
      }
    }
    throw new IllegalArgumentException(
        e.getDeclaringClass().getName() + "." + e.name()
            + " declares no wire value its codec knows; recompile the codec with the enum");
  }

  // ---- boxed values and lists, in one call ----

  /** A presence byte, then the int if {@code v} is not null. */
  public void writeBoxedInt(Integer v) {
    if (writePresence(v)) {
      writeInt(v);
    }
  }

  /** A presence byte, then the long if {@code v} is not null. */
  public void writeBoxedLong(Long v) {
    if (writePresence(v)) {
      writeLong(v);
    }
  }

  /** A count and each string; the null count for null. */
  public void writeStringList(List<String> v) {
    for (int i = 0, n = writeListCount(v); i < n; i++) {
      writeString(v.get(i));
    }
  }

  /** A count and each element as a presence byte and an int; the null count for null. */
  public void writeIntegerList(List<Integer> v) {
    for (int i = 0, n = writeListCount(v); i < n; i++) {
      writeBoxedInt(v.get(i));
    }
  }

  /** A count and each element as a presence byte and a long; the null count for null. */
  public void writeLongList(List<Long> v) {
    for (int i = 0, n = writeListCount(v); i < n; i++) {
      writeBoxedLong(v.get(i));
    }
  }

  /** Writes {@code v}'s count (null: the null count); returns how many elements follow. */
  private int writeListCount(List<?> v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return 0;
    }
    writeInt(v.size());
    return v.size();
  }

  /** A count and the bytes; the null count for null. */
  public void writeBytes(byte[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    int n = v.length;
    if (n >= shareFrom && depth == 1) {
      writeInt(n);
      share(v);
      return;
    }
    ensure(4L + n);
    int at = size;
    INT.set(buf, at, n);
    System.arraycopy(v, 0, buf, at + 4, n);
    size = at + 4 + n;
  }

  /** A count and the booleans; the null count for null. */
  public void writeBooleans(boolean[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(v.length);
    for (boolean b : v) {
      buf[size++] = b ? (byte) 1 : (byte) 0;
    }
  }

  /** A count and the shorts; the null count for null. */
  public void writeShorts(short[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(2L * v.length);
    for (short x : v) {
      SHORT.set(buf, size, x);
      size += 2;
    }
  }

  /** A count and the chars; the null count for null. */
  public void writeChars(char[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(2L * v.length);
    for (char x : v) {
      SHORT.set(buf, size, (short) x);
      size += 2;
    }
  }

  /** A count and the ints; the null count for null. */
  public void writeInts(int[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(4L * v.length);
    for (int x : v) {
      INT.set(buf, size, x);
      size += 4;
    }
  }

  /** A count and the longs; the null count for null. */
  public void writeLongs(long[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(8L * v.length);
    for (long x : v) {
      LONG.set(buf, size, x);
      size += 8;
    }
  }

  /** A count and the floats' raw bits; the null count for null. */
  public void writeFloats(float[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(4L * v.length);
    for (float x : v) {
      INT.set(buf, size, Float.floatToRawIntBits(x));
      size += 4;
    }
  }

  /** A count and the doubles' raw bits; the null count for null. */
  public void writeDoubles(double[] v) {
    if (v == null) {
      writeInt(WireReader.NULL_COUNT);
      return;
    }
    writeInt(v.length);
    ensure(8L * v.length);
    for (double x : v) {
      LONG.set(buf, size, Double.doubleToRawLongBits(x));
      size += 8;
    }
  }
}

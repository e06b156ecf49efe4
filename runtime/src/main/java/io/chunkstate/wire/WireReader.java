package io.chunkstate.wire;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Budget;
import io.chunkstate.internal.Errors;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Scope;
import io.chunkstate.internal.Text;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cursor over one chunk's data, with the decoding primitives of SPEC §4. Generated codecs read
 * their inline fields with it, then walk the chunk's sub-chunks with {@link #hasRemaining()} and
 * {@link #nextSubChunk()}.
 *
 * <p>Every read is checked against the bytes that remain in the chunk, and every count is checked
 * against what those bytes could hold before anything is allocated for it. A read past the end
 * fails with {@code LENGTH}; an invalid value with {@code DATA}; both name this chunk's offset and
 * path.
 *
 * <p>A reader is a cursor: it is not safe for use by several threads at once.
 */
public final class WireReader {
  static {
    // The reader layer opens a reader over each top-level chunk it has framed.
    Access.register(new TopLevel());
  }

  // Estimates of heap bytes, on the high side, charged to the allocation budget before the
  // allocation: an object's header and a few fields, an array's header, a reference without
  // compressed pointers, a string's object and array headers, a list and its array.
  private static final int OBJECT_BYTES = 32;
  private static final int ARRAY_BYTES = 16;
  private static final int REFERENCE_BYTES = 8;
  private static final int STRING_BYTES = 40;
  private static final int LIST_BYTES = 40;
  private static final int SUB_CHUNK_BYTES = 64;

  private static final byte[] NO_DATA = {};

  /** The count value that encodes {@code null}. */
  static final int NULL_COUNT = -1;

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle CHAR =
      MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // Final but for a stream's top-level reader, which TopLevel moves from chunk to chunk.
  private byte[] buf;
  private int start;
  private int limit;
  private int pos;
  private int typeValue;
  private long chunkOffset;
  private final WireReader parent;
  private final int depth;
  private final Scope scope;
  // Built on first use: decoding a valid chunk does not need it, only errors and skips do.
  private String path;

  private WireReader(
      byte[] buf,
      int start,
      int limit,
      int typeValue,
      long chunkOffset,
      WireReader parent,
      int depth,
      Scope scope) {
    this.buf = buf;
    this.start = start;
    this.pos = start;
    this.limit = limit;
    this.typeValue = typeValue;
    this.chunkOffset = chunkOffset;
    this.parent = parent;
    this.depth = depth;
    this.scope = scope;
  }

  /**
   * The reader of a stream's top-level chunks: one per stream, moved to each chunk in turn, so
   * that reading a chunk allocates no reader of its own.
   */
  private static final class TopLevel implements Access.Opener<WireReader> {
    @Override
    public WireReader open(Scope scope) {
      return new WireReader(NO_DATA, 0, 0, 0, 0, null, 0, scope);
    }

    @Override
    public WireReader moveTo(
        WireReader reader, byte[] array, int dataOffset, int length, int type, long offset) {
      if (reader.buf != array) {
        reader.buf = array; // a read moves over one array, or one reused buffer: stored once
      }
      reader.start = dataOffset;
      reader.pos = dataOffset;
      reader.limit = dataOffset + length;
      reader.typeValue = type;
      reader.chunkOffset = offset;
      reader.path = null;
      return reader;
    }

    @Override
    public Scope scope(WireReader reader) {
      return reader.scope;
    }
  }

  /**
   * A reader over the data of one chunk of type {@code type}, standing alone at stream offset 0:
   * for decoding a chunk's data outside a stream, with the default limits of a read (the
   * nesting limit of SPEC §4, a quarter of the heap as its allocation budget). Skipped sub-chunks
   * collect in {@link #skipped()}.
   */
  public static WireReader of(ChunkType type, byte[] data) {
    return new WireReader(
        data, 0, data.length, type.value(), 0, null, 0, Scope.standalone());
  }

  /**
   * A reader over the data of the one framed chunk that fills {@code chunk}, as {@link
   * WireWriter#writeChunk} writes it, checked first as a stream's reader checks a top-level chunk:
   * its length, type and CRC, and that its type is {@code type}. Offsets in errors count from the
   * chunk's first byte; limits and skipped sub-chunks are those of {@link #of}.
   *
   * @throws ChunkStreamException {@code TRUNCATED} if the bytes end before the chunk does, {@code
   *     LENGTH} for a length above 2^31-1, {@code TYPE} if its type bytes are not letters, {@code CRC} for a damaged chunk, {@code
   *     TRAILING_DATA} for bytes after its CRC, {@code STRUCTURE} for a chunk of another type
   */
  public static WireReader ofChunk(ChunkType type, byte[] chunk) throws ChunkStreamException {
    int expected = type.value();
    Scope scope = Scope.standalone();
    int len = Framing.filledChunkLength(chunk, expected, scope.crc());
    return new WireReader(chunk, 8, 8 + len, expected, 0, null, 0, scope);
  }

  /** The type of the chunk this reader reads. */
  public ChunkType type() {
    return ChunkType.of(typeValue);
  }

  /** The four bytes of this chunk's type, for a {@code switch} over sub-chunk types. */
  public int typeValue() {
    return typeValue;
  }

  /** The stream offset of this chunk's first byte. */
  public long chunkOffset() {
    return chunkOffset;
  }

  /** The types from the top level down to this chunk, joined by {@code /}. */
  public String path() {
    if (path == null) {
      path = subPath(parent, typeValue);
    }
    return path;
  }

  /** The path of a chunk of type {@code typeValue} inside {@code parent} (null: at the top). */
  private static String subPath(WireReader parent, int typeValue) {
    String code = ChunkType.render(typeValue);
    return parent == null ? code : parent.path() + "/" + code;
  }

  /** The length of this chunk's data. */
  public int length() {
    return limit - start;
  }

  /** How many bytes of this chunk's data are left to read. */
  public int remaining() {
    return limit - pos;
  }

  /** Whether any data is left: after the inline fields, whether another sub-chunk follows. */
  public boolean hasRemaining() {
    return pos < limit;
  }

  /** The unknown ancillary chunks skipped so far in this chunk's tree (shared with its stream). */
  public List<SkippedChunk> skipped() {
    return scope.skipped();
  }

  // ---- fixed-width values ----

  private void require(int n, String what) throws ChunkStreamException {
    if (limit - pos < n) {
      throw lengthError(
          "the data ends inside " + what + ": " + n + " bytes needed, " + (limit - pos) + " left"
              + layoutHint());
    }
  }

  /** One byte: {@code 00} false, {@code 01} true, anything else {@code DATA}. */
  public boolean readBoolean() throws ChunkStreamException {
    require(1, "a boolean");
    boolean v = getBoolean(pos);
    pos++;
    return v;
  }

  private ChunkStreamException notBoolean(byte b, int index) {
    return dataError(
        String.format(
            "a boolean must be 00 or 01, found %02x at data byte %d", b & 0xff, index - start));
  }

  /** One byte. */
  public byte readByte() throws ChunkStreamException {
    require(1, "a byte");
    return buf[pos++];
  }

  /** Two bytes, big-endian. */
  public short readShort() throws ChunkStreamException {
    require(2, "a short");
    short v = (short) SHORT.get(buf, pos);
    pos += 2;
    return v;
  }

  /** Two bytes, big-endian. */
  public char readChar() throws ChunkStreamException {
    require(2, "a char");
    char v = (char) CHAR.get(buf, pos);
    pos += 2;
    return v;
  }

  /** Four bytes, big-endian. */
  public int readInt() throws ChunkStreamException {
    require(4, "an int");
    int v = (int) INT.get(buf, pos);
    pos += 4;
    return v;
  }

  /** Eight bytes, big-endian. */
  public long readLong() throws ChunkStreamException {
    require(8, "a long");
    long v = (long) LONG.get(buf, pos);
    pos += 8;
    return v;
  }

  /** Four bytes: the raw bits of the float, NaN payloads included. */
  public float readFloat() throws ChunkStreamException {
    return Float.intBitsToFloat(readInt());
  }

  /** Eight bytes: the raw bits of the double, NaN payloads included. */
  public double readDouble() throws ChunkStreamException {
    return Double.longBitsToDouble(readLong());
  }

  /**
   * Claims the next {@code n} bytes, a run of fixed-width values, with one check, and returns the
   * index of its first byte: each value is then read at an offset from it with {@link
   * #getInt(int)} and the like, as a generated codec reads consecutive primitive fields. The
   * counterpart of {@link WireWriter#reserve(int)}.
   *
   * @throws ChunkStreamException {@code LENGTH} at this chunk if fewer than {@code n} bytes are
   *     left
   */
  public int take(int n) throws ChunkStreamException {
    require(n, "a run of fixed-width fields");
    int at = pos;
    pos += n;
    return at;
  }

  /**
   * The byte at {@code index} of a run that {@link #take(int)} claimed, as a boolean: {@code 00}
   * false, {@code 01} true, anything else {@code DATA}.
   */
  public boolean getBoolean(int index) throws ChunkStreamException {
    byte b = buf[index];
    if (b == 0 || b == 1) {
      return b == 1;
    }
    throw notBoolean(b, index);
  }

  /** The byte at {@code index} of a run that {@link #take(int)} claimed. */
  public byte getByte(int index) {
    return buf[index];
  }

  /** The two bytes at {@code index} of a run that {@link #take(int)} claimed, big-endian. */
  public short getShort(int index) {
    return (short) SHORT.get(buf, index);
  }

  /** The two bytes at {@code index} of a run that {@link #take(int)} claimed, big-endian. */
  public char getChar(int index) {
    return (char) CHAR.get(buf, index);
  }

  /** The four bytes at {@code index} of a run that {@link #take(int)} claimed, big-endian. */
  public int getInt(int index) {
    return (int) INT.get(buf, index);
  }

  /** The eight bytes at {@code index} of a run that {@link #take(int)} claimed, big-endian. */
  public long getLong(int index) {
    return (long) LONG.get(buf, index);
  }

  /** The float whose raw bits are at {@code index} of a run that {@link #take(int)} claimed. */
  public float getFloat(int index) {
    return Float.intBitsToFloat(getInt(index));
  }

  /** The double whose raw bits are at {@code index} of a run that {@link #take(int)} claimed. */
  public double getDouble(int index) {
    return Double.longBitsToDouble(getLong(index));
  }

  /**
   * A presence byte: {@code 00} absent (the value is null), {@code 01} present, anything else
   * {@code DATA}.
   */
  public boolean readPresence() throws ChunkStreamException {
    require(1, "a presence byte");
    byte b = buf[pos];
    if (b == 0 || b == 1) {
      pos++;
      if (b == 1) {
        charge(OBJECT_BYTES, "an object", -1, null);
        return true;
      }
      return false;
    }
    throw dataError(
        String.format(
            "a presence byte must be 00 or 01, found %02x at data byte %d", b & 0xff, pos - start));
  }

  /**
   * A count: {@code -1} for null ({@code FF FF FF FF}), otherwise a number of elements that the
   * remaining data can hold at {@code minElementBytes} bytes each. The elements' references (a
   * list or an array of objects) are charged to the allocation budget.
   *
   * @param minElementBytes the fewest bytes one element can take (at least 1)
   * @throws ChunkStreamException {@code LENGTH} if the count exceeds 2^31−1 or the remaining data;
   *     {@code LIMIT} if a list of that many elements would pass the allocation budget
   */
  public int readCount(int minElementBytes) throws ChunkStreamException {
    int n = count(minElementBytes);
    if (n != NULL_COUNT) {
      charge(LIST_BYTES + REFERENCE_BYTES * (long) n, "a list or array of ", n, " elements");
    }
    return n;
  }

  /** A count, checked as {@link #readCount} checks it, with nothing charged. */
  private int count(int minElementBytes) throws ChunkStreamException {
    require(4, "a count");
    int raw = (int) INT.get(buf, pos);
    if (raw == NULL_COUNT) {
      pos += 4;
      return NULL_COUNT;
    }
    if (raw < 0) {
      throw lengthError("count " + Integer.toUnsignedString(raw) + " exceeds the limit of 2^31-1");
    }
    long needed = (long) raw * Math.max(1, minElementBytes);
    if (needed > limit - pos - 4) {
      throw lengthError(
          "count " + raw + " needs at least " + needed + " bytes, but only " + (limit - pos - 4)
              + " are left");
    }
    pos += 4;
    return raw;
  }

  /** A count and an array of that many elements of {@code width} bytes, charged. */
  private int arrayCount(int width) throws ChunkStreamException {
    int n = count(width);
    if (n != NULL_COUNT) {
      charge(ARRAY_BYTES + (long) width * n, "an array of ", n, " elements");
    }
    return n;
  }

  /**
   * Charges an estimate of {@code bytes} of heap to the read's allocation budget. What is charged
   * is described as {@code what}, or as {@code what}, {@code n} and {@code unit} if {@code n} is
   * not negative: the description is built only for the error, never for a charge that fits.
   *
   * @throws ChunkStreamException {@code LIMIT} at this chunk if the budget would be passed
   */
  private void charge(long bytes, String what, int n, String unit) throws ChunkStreamException {
    if (!scope.tryCharge(bytes)) {
      throw overBudget(bytes, n < 0 ? what : what + n + unit);
    }
  }

  private ChunkStreamException overBudget(long bytes, String what) {
    return Errors.limit(chunkOffset, path(), scope.exceeded(bytes, what));
  }

  // ---- variable-length values ----

  /** A count and that many bytes of UTF-8; {@code null} for the null count. */
  public String readString() throws ChunkStreamException {
    int n = count(1);
    if (n == NULL_COUNT) {
      return null;
    }
    int from = pos;
    pos += n;
    return string(from, n);
  }

  /** The {@code n} bytes at {@code from} as a string, checked to be UTF-8, and charged. */
  private String string(int from, int n) throws ChunkStreamException {
    if (!Text.isAscii(buf, from, n)) {
      charge(STRING_BYTES + 2L * n, "a string of ", n, " bytes");
      return decodeUtf8(from, n);
    }
    charge(STRING_BYTES + n, "a string of ", n, " bytes");
    return Text.ascii(buf, from, n);
  }

  /**
   * An enum constant, written as its name: a count and that many bytes of UTF-8; {@code null} for
   * the null count. The name's bytes are compared with the constants' names in place, so reading
   * a constant builds no string.
   *
   * @param constants the enum's constants, as {@code values()} returns them (a generated codec
   *     keeps them in a field); the array's type names the enum in an error
   * @throws ChunkStreamException {@code DATA} if the name is not UTF-8 or names no constant
   */
  public <E extends Enum<E>> E readEnum(E[] constants) throws ChunkStreamException {
    int n = count(1);
    if (n == NULL_COUNT) {
      return null;
    }
    int from = pos;
    for (E constant : constants) {
      if (sameAscii(constant.name(), from, n)) {
        pos = from + n;
        return constant;
      }
    }
    // A name outside ASCII, or no constant of that name: compare the decoded string.
    String name = string(from, n);
    pos = from + n;
    for (E constant : constants) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw unknownEnumConstant(constants.getClass().getComponentType(), name);
  }

  /**
   * An enum constant, written as its name, as {@link #readEnum(Enum[])} reads it, with the name's
   * bytes compared with the constants' names as {@link WireWriter#enumNames(Enum[])} encodes them:
   * what a generated codec keeps, so that finding a constant decodes nothing. UTF-8 encodes a name
   * one way only, so equal bytes are an equal name.
   *
   * @param constants the enum's constants, as {@code values()} returns them
   * @param names the encoded name of each of {@code constants}, at the same index
   * @throws ChunkStreamException {@code DATA} if the name is not UTF-8 or names no constant
   */
  public <E extends Enum<E>> E readEnum(E[] constants, byte[][] names)
      throws ChunkStreamException {
    int n = count(1);
    if (n == NULL_COUNT) {
      return null;
    }
    int from = pos;
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i];
      if (name.length == n && isAt(name, from)) {
        pos = from + n;
        return constants[i];
      }
    }
    // No constant has these bytes: the error names what they decode to, if they are UTF-8.
    String name = string(from, n);
    throw unknownEnumConstant(constants.getClass().getComponentType(), name);
  }

  /**
   * Whether all of {@code bytes} stand at {@code from} of this chunk's data, which holds that many:
   * eight at a time, then four, then one, for the short names of enum constants.
   */
  private boolean isAt(byte[] bytes, int from) {
    int n = bytes.length;
    int i = 0;
    for (; n - i >= 8; i += 8) {
      if ((long) LONG.get(bytes, i) != (long) LONG.get(buf, from + i)) {
        return false;
      }
    }
    if (n - i >= 4) {
      if ((int) INT.get(bytes, i) != (int) INT.get(buf, from + i)) {
        return false;
      }
      i += 4;
    }
    for (; i < n; i++) {
      if (bytes[i] != buf[from + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An enum constant of an enum that travels by value (SPEC §4): a presence byte, then the value
   * its constant declares as an {@code int}; {@code null} for the absent value.
   *
   * @param constants the enum's constants, as a generated codec keeps them; the array's type names
   *     the enum in an error
   * @param values the value each of {@code constants} declares, at the same index
   * @param field the field read, as {@code Type.field}, which an error names
   * @throws ChunkStreamException {@code DATA} for a presence byte other than 0 or 1, or a value no
   *     constant declares, naming the field and the value
   */
  public <E extends Enum<E>> E readEnumValue(E[] constants, int[] values, String field)
      throws ChunkStreamException {
    if (!readPresence()) {
      return null;
    }
    int value = readInt();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return constants[i];
      }
    }
    Class<?> enumType = constants.getClass().getComponentType();
    String enumName =
        enumType.getCanonicalName() == null ? enumType.getName() : enumType.getCanonicalName();
    throw dataError(field + ": " + enumName + " has no constant with wire value " + value);
  }

  /** Whether the {@code n} bytes at {@code from} are exactly {@code name}, all ASCII. */
  private boolean sameAscii(String name, int from, int n) {
    if (name.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      // A byte of a multi-byte sequence is negative and never equals a char.
      if (buf[from + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String decodeUtf8(int from, int n) throws ChunkStreamException {
    try {
      return Text.utf8(buf, from, n);
    } catch (CharacterCodingException e) {
      throw dataError(
          "a string of " + n + " bytes at data byte " + (from - start) + " is not valid UTF-8");
    }
  }

  // ---- boxed values and lists, in one call ----

  /** A presence byte, then an int if present; {@code null} if absent. */
  public Integer readBoxedInt() throws ChunkStreamException {
    return readPresence() ? readInt() : null;
  }

  /** A presence byte, then a long if present; {@code null} if absent. */
  public Long readBoxedLong() throws ChunkStreamException {
    return readPresence() ? readLong() : null;
  }

  /**
   * A count and that many strings, as a mutable {@code ArrayList}; {@code null} for the null
   * count. The count is checked and charged as {@link #readCount} does, at four bytes a string.
   */
  public List<String> readStringList() throws ChunkStreamException {
    int n = readCount(4);
    if (n == NULL_COUNT) {
      return null;
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString());
    }
    return out;
  }

  /**
   * A count and that many elements, each a presence byte and an int, as a mutable {@code
   * ArrayList}; {@code null} for the null count.
   */
  public List<Integer> readIntegerList() throws ChunkStreamException {
    int n = readCount(1);
    if (n == NULL_COUNT) {
      return null;
    }
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readBoxedInt());
    }
    return out;
  }

  /**
   * A count and that many elements, each a presence byte and a long, as a mutable {@code
   * ArrayList}; {@code null} for the null count.
   */
  public List<Long> readLongList() throws ChunkStreamException {
    int n = readCount(1);
    if (n == NULL_COUNT) {
      return null;
    }
    List<Long> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readBoxedLong());
    }
    return out;
  }

  /** A count and that many bytes; {@code null} for the null count. */
  public byte[] readBytes() throws ChunkStreamException {
    int n = arrayCount(1);
    if (n == NULL_COUNT) {
      return null;
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /**
   * Every byte of this chunk's data not yet read, as a new array, with no count before them: for
   * a chunk whose last field is a blob that runs to its end. The array is charged to the
   * allocation budget as {@link #readBytes()} charges one.
   *
   * @throws ChunkStreamException {@code LIMIT} if the array would pass the allocation budget
   */
  public byte[] readRemainingBytes() throws ChunkStreamException {
    int n = limit - pos;
    charge(ARRAY_BYTES + (long) n, "an array of ", n, " elements");
    byte[] out = Arrays.copyOfRange(buf, pos, limit);
    pos = limit;
    return out;
  }

  /** A count and that many booleans; {@code null} for the null count. */
  public boolean[] readBooleans() throws ChunkStreamException {
    int n = arrayCount(1);
    if (n == NULL_COUNT) {
      return null;
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = readBoolean();
    }
    return out;
  }

  /** A count and that many shorts; {@code null} for the null count. */
  public short[] readShorts() throws ChunkStreamException {
    int n = arrayCount(2);
    if (n == NULL_COUNT) {
      return null;
    }
    short[] out = new short[n];
    for (int i = 0; i < n; i++, pos += 2) {
      out[i] = (short) SHORT.get(buf, pos);
    }
    return out;
  }

  /** A count and that many chars; {@code null} for the null count. */
  public char[] readChars() throws ChunkStreamException {
    int n = arrayCount(2);
    if (n == NULL_COUNT) {
      return null;
    }
    char[] out = new char[n];
    for (int i = 0; i < n; i++, pos += 2) {
      out[i] = (char) CHAR.get(buf, pos);
    }
    return out;
  }

  /** A count and that many ints; {@code null} for the null count. */
  public int[] readInts() throws ChunkStreamException {
    int n = arrayCount(4);
    if (n == NULL_COUNT) {
      return null;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++, pos += 4) {
      out[i] = (int) INT.get(buf, pos);
    }
    return out;
  }

  /** A count and that many longs; {@code null} for the null count. */
  public long[] readLongs() throws ChunkStreamException {
    int n = arrayCount(8);
    if (n == NULL_COUNT) {
      return null;
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++, pos += 8) {
      out[i] = (long) LONG.get(buf, pos);
    }
    return out;
  }

  /** A count and that many floats (raw bits); {@code null} for the null count. */
  public float[] readFloats() throws ChunkStreamException {
    int n = arrayCount(4);
    if (n == NULL_COUNT) {
      return null;
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++, pos += 4) {
      out[i] = Float.intBitsToFloat((int) INT.get(buf, pos));
    }
    return out;
  }

  /** A count and that many doubles (raw bits); {@code null} for the null count. */
  public double[] readDoubles() throws ChunkStreamException {
    int n = arrayCount(8);
    if (n == NULL_COUNT) {
      return null;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++, pos += 8) {
      out[i] = Double.longBitsToDouble((long) LONG.get(buf, pos));
    }
    return out;
  }

  // ---- sub-chunks ----

  /**
   * Reads the sub-chunk that starts at the current position, checks its framing and CRC, and
   * returns a reader over its data. The caller decodes it, or hands it to {@link
   * #skipUnknown(WireReader)}.
   *
   * @throws ChunkStreamException {@code LENGTH} at this chunk if the bytes left do not form a
   *     chunk (too few, or a length past the end: the inline fields were not what this reader
   *     expects), {@code TYPE} at this chunk if the type bytes are not letters, {@code CRC} for a
   *     damaged sub-chunk, {@code STRUCTURE} for {@code CHDR} or {@code CEND} inside a chunk or
   *     for nesting deeper than the reader's limit (the read options' {@code maxNesting}), {@code
   *     LIMIT} if the allocation budget is spent
   */
  public WireReader nextSubChunk() throws ChunkStreamException {
    // The checks of subChunkError(), all passed: kept small so that it inlines into a codec.
    int left = limit - pos;
    if (left >= 12 && depth < scope.maxDepth()) {
      int len = (int) INT.get(buf, pos);
      int subType = (int) INT.get(buf, pos + 4);
      if (len >= 0
          && len <= left - 12
          && ChunkType.isValid(subType)
          && !Framing.isStreamCode(subType)
          && scope.tryCharge(SUB_CHUNK_BYTES)) {
        int dataStart = pos + 8;
        if ((int) INT.get(buf, dataStart + len) == Framing.crc(scope.crc(), buf, pos + 4, len)) {
          pos = dataStart + len + 4;
          return new WireReader(
              buf, dataStart, dataStart + len, subType, streamOffset(dataStart - 8), this,
              depth + 1, scope);
        }
        scope.release(SUB_CHUNK_BYTES);
      }
    }
    throw subChunkError();
  }

  /**
   * Where the data of the sub-chunk at the current position starts, if that sub-chunk is of type
   * {@code type}, holds exactly {@code length} bytes of data and would pass every check of {@link
   * #nextSubChunk()} but the budget's: {@code -1} otherwise. Nothing is read or charged either
   * way.
   *
   * <p>A generated codec reads a sub-chunk of a fixed layout in place this way: its fields with
   * {@link #getInt(int)} and the like at the index returned; once every value is valid, {@link
   * #takeSubChunk(int)}, which charges the budget; then it builds the state, and names a refusal
   * with {@link #refusedInSubChunk(int, String, Throwable)}. Where a value is invalid, it reads
   * the sub-chunk again through {@link #nextSubChunk()}, whose reader names the error at the
   * sub-chunk's offset and path.
   *
   * @param type the sub-chunk type's four bytes, as {@link ChunkType#value()} gives them
   * @param length the length of the data the layout takes
   */
  public int peekSubChunk(int type, int length) {
    int at = pos;
    if (length >= 0
        && length <= limit - at - 12
        && depth < scope.maxDepth()
        && (int) INT.get(buf, at) == length
        && (int) INT.get(buf, at + 4) == type
        && ChunkType.isValid(type)
        && !Framing.isStreamCode(type)
        && (int) INT.get(buf, at + 8 + length) == Framing.crc(scope.crc(), buf, at + 4, length)) {
      return at + 8;
    }
    return -1;
  }

  /**
   * Moves past the sub-chunk whose data {@link #peekSubChunk(int, int)} found at {@code at}, as
   * {@link #nextSubChunk()} would, charging the allocation budget what it charges for a
   * sub-chunk.
   *
   * @throws IllegalArgumentException if {@code at} is not where the data of the sub-chunk at the
   *     current position starts
   * @throws ChunkStreamException {@code LIMIT} if the allocation budget is spent: the error {@link
   *     #nextSubChunk()} gives for this sub-chunk
   */
  public void takeSubChunk(int at) throws ChunkStreamException {
    int length = limit - pos >= 12 ? (int) INT.get(buf, pos) : -1;
    if (at != pos + 8 || length < 0 || length > limit - pos - 12) {
      throw new IllegalArgumentException(
          "no sub-chunk's data starts at " + at + ": the current position is " + pos);
    }
    if (!scope.tryCharge(SUB_CHUNK_BYTES)) {
      throw subChunkError();
    }
    pos = at + length + 4;
  }

  /** The error for the sub-chunk at the current position, which breaks a rule of the format. */
  private ChunkStreamException subChunkError() {
    try {
      Framing.checkSubChunk(buf, start, pos, limit, chunkOffset, path(), depth, scope.maxDepth());
    } catch (ChunkStreamException e) {
      return e;
    }
    // The only rule left: the budget.
    int subType = (int) INT.get(buf, pos + 4);
    return Errors.limit(
        streamOffset(pos),
        subPath(this, subType),
        scope.exceeded(SUB_CHUNK_BYTES, "a sub-chunk"));
  }

  private String layoutHint() {
    return Errors.layoutHint(path());
  }

  /**
   * Handles a sub-chunk that this chunk's codec does not know: an ancillary one is recorded in
   * {@link #skipped()}; a critical one fails the stream.
   *
   * @throws ChunkStreamException {@code UNKNOWN_CRITICAL} for a critical sub-chunk, {@code LIMIT}
   *     if the allocation budget is spent
   */
  public void skipUnknown(WireReader sub) throws ChunkStreamException {
    SkippedChunk skip = Framing.unknown(sub.type(), sub.chunkOffset, sub.length(), sub.path());
    sub.charge(Budget.SKIPPED_RECORD, "the record of a skipped chunk", -1, null);
    scope.skipped().add(skip);
  }

  /** The error for a second sub-chunk for a field that holds one. */
  public ChunkStreamException duplicateSubChunk(WireReader sub) {
    return Errors.structure(
        sub.chunkOffset,
        sub.path(),
        "a second " + sub.type().code() + " sub-chunk in " + type().code()
            + ", whose field holds only one");
  }

  /** The error for an enum constant name that the reader's enum lacks. */
  private ChunkStreamException unknownEnumConstant(Class<?> enumType, String constant) {
    String enumName =
        enumType.getCanonicalName() == null ? enumType.getName() : enumType.getCanonicalName();
    return dataError(enumName + " has no constant named " + Text.quote(constant));
  }

  /**
   * The error for a state class, or a struct inside it, that refused the values decoded for it: a
   * constructor, compact constructor or setter threw, an {@code assert} included. Generated codecs
   * throw it for anything their state classes throw while being built; a {@link
   * VirtualMachineError} (out of memory, stack overflow) is not a refusal and is rethrown as it
   * is.
   *
   * @param className the class that refused, as {@code p.Outer.Name}
   * @param cause what it threw
   * @return a {@code DATA} error at this chunk that names {@code className} and the cause
   */
  public ChunkStreamException refused(String className, Throwable cause) {
    // A codec calls this under an if after its try, never in the catch: the JIT turns the branch
    // it never took into a trap, and a sub-chunk's reader need not be allocated.
    return Errors.refused(chunkOffset, path(), className, cause);
  }

  /**
   * The error for a state that refused the values read in place from the sub-chunk whose data
   * starts at {@code at} ({@link #peekSubChunk(int, int)}): the error {@link #refused(String,
   * Throwable)} gives on the reader {@link #nextSubChunk()} returns for that sub-chunk, at its
   * offset and path. A {@link VirtualMachineError} is rethrown as it is.
   *
   * @throws IllegalArgumentException if no sub-chunk of this chunk's data has its data at {@code
   *     at}
   */
  public ChunkStreamException refusedInSubChunk(int at, String className, Throwable cause) {
    if (at < start + 8 || at > limit - 4) {
      throw new IllegalArgumentException("no sub-chunk's data starts at " + at);
    }
    int subType = (int) INT.get(buf, at - 4);
    return Errors.refused(streamOffset(at - 8), subPath(this, subType), className, cause);
  }

  /** A {@code DATA} error at this chunk: a value inside its data is invalid. */
  public ChunkStreamException dataError(String detail) {
    return Errors.data(chunkOffset, path(), detail);
  }

  private ChunkStreamException lengthError(String detail) {
    return Errors.length(chunkOffset, path(), detail);
  }

  private long streamOffset(int index) {
    return chunkOffset + 8 + (index - start);
  }

}

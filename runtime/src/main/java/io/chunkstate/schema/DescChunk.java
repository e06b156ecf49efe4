package io.chunkstate.schema;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Budget;
import io.chunkstate.internal.Errors;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Limits;
import io.chunkstate.internal.Text;
import io.chunkstate.schema.WireType.Primitive;
import io.chunkstate.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of the {@code dESc} chunk (SPEC §3, §8): descriptions of the chunk types a stream
 * uses, embedded in the stream so that a tool with no classes can still decode and print it. The
 * layout is {@code docs/DESC.md}: a version, then one length-prefixed record per type with its
 * code, layout fingerprint, class, key, inline fields (wire types as tags, recursively) and
 * sub-chunk fields.
 *
 * <pre>{@code
 * byte[] data = DescChunk.encode(descriptions);            // sorted by code, checked
 * List<TypeDescription> types = DescChunk.decode(data, offset);
 * }</pre>
 *
 * <p>{@link #decode} takes any bytes: every count and length is checked against the bytes left
 * before anything is allocated for it, what it allocates is charged to an allocation budget, wire
 * types nest at most {@value #MAX_NESTING} levels, and each type's stored fingerprint must be the
 * one its fields give. Every problem is a {@link ChunkStreamException} at the chunk's offset, path
 * {@code dESc}; no other exception escapes. Stateless.
 *
 * <p>Within a read, the runtime decodes a description with the read's own allocation budget, and
 * a description embedded in another chunk (a pre-flight offer) at that chunk's offset and path.
 */
public final class DescChunk {
  static {
    // A read decodes a stream's dESc chunk, and an offer's description, within its own budget.
    Access.register(
        (Access.Descriptions<List<TypeDescription>>)
            (array, from, length, offset, path, budget) ->
                new Reader(array, from, length, offset, path, budget).description());
  }

  /** The major version this class writes and reads: a reader refuses any other. */
  public static final int MAJOR = 1;

  /** The minor version this class writes; a reader reads every minor version of its major. */
  public static final int MINOR = 0;

  /**
   * How deep wire types may nest below a field's own wire type: the element of a sequence and the
   * wire types of a struct's fields are one level below it. The nesting limit of SPEC §4.
   */
  public static final int MAX_NESTING = Limits.MAX_NESTING;

  private static final String PATH = ChunkType.DESC.code();

  // Wire type tags (docs/DESC.md).
  private static final int TAG_BOXED = 0x09;
  private static final int TAG_TEXT = 0x0a;
  private static final int TAG_ENUM = 0x0b;
  private static final int TAG_SEQUENCE = 0x0c;
  private static final int TAG_STRUCT = 0x0d;
  private static final int TAG_ENUM_VALUE = 0x0e;
  private static final Primitive[] PRIMITIVE_BY_TAG = {
    null,
    Primitive.BOOLEAN,
    Primitive.BYTE,
    Primitive.SHORT,
    Primitive.CHAR,
    Primitive.INT,
    Primitive.LONG,
    Primitive.FLOAT,
    Primitive.DOUBLE
  };

  // Field flags.
  private static final int UNSIGNED = 0x01;
  private static final int FIXED_LENGTH = 0x02;

  // The fewest bytes a record takes, the bound of a count of them.
  private static final int TYPE_MIN = 4 + 4 + 8 + 4 + 4 + 4 + 4;
  private static final int FIELD_MIN = 4 + 4 + 1 + 4 + 1;
  private static final int SUB_CHUNK_MIN = 4 + 4 + 4 + 4 + 1 + 4;
  private static final int STRING_MIN = 4;

  // Estimates of heap bytes, on the high side, charged before the allocation.
  private static final int OBJECT_BYTES = 32;
  private static final int STRING_BYTES = 40;
  private static final int LIST_BYTES = 40;
  private static final int REFERENCE_BYTES = 8;

  private DescChunk() {}

  /**
   * The data of a {@code dESc} chunk that describes {@code types}, sorted by code, at version
   * {@value #MAJOR}.{@value #MINOR}. What it returns always decodes to the same descriptions.
   *
   * @throws IllegalArgumentException if the descriptions cannot be embedded: two of one code; a
   *     code the format reserves ({@code CHDR}, {@code CEND}, {@code dESc}) or with the reserved
   *     bit set, as a type or a sub-chunk; two inline fields, enum constants or sub-chunk fields of
   *     one name or code; a null class name; wire types nested deeper than {@value #MAX_NESTING}
   *     levels; a string with an unpaired surrogate
   */
  public static byte[] encode(Collection<TypeDescription> types) {
    List<TypeDescription> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(TypeDescription::type));
    WireWriter out = new WireWriter();
    out.writeShort((short) MAJOR);
    out.writeShort((short) MINOR);
    out.writeCount(sorted.size());
    for (TypeDescription type : sorted) {
      int at = out.reserve(4);
      out.writeInt(type.type().value());
      int fingerprintAt = out.reserve(8);
      out.writeString(type.className());
      out.writeString(type.key());
      writeFields(out, type.fields(), 0);
      // Taken after the fields are written, which refuses a nesting too deep to take it of.
      out.setLong(fingerprintAt, type.fingerprint().value());
      out.writeCount(type.subChunks().size());
      for (SubChunkField sub : type.subChunks()) {
        int subAt = out.reserve(4);
        out.writeString(sub.name());
        out.writeInt(sub.type().value());
        out.writeString(sub.className());
        out.writeBoolean(sub.list());
        if (sub.declared()) {
          writeFields(out, sub.struct().fields(), 0);
        } else {
          out.writeCount(-1);
        }
        out.setInt(subAt, out.size() - subAt - 4);
      }
      out.setInt(at, out.size() - at - 4);
    }
    byte[] data = out.toByteArray();
    // The reader's checks are the writer's: what one reader refuses, no writer writes.
    try {
      decode(data, 0);
    } catch (ChunkStreamException e) {
      throw new IllegalArgumentException("cannot embed these descriptions: " + e.detail(), e);
    }
    return data;
  }

  private static void writeFields(WireWriter out, List<FieldDescription> fields, int depth) {
    out.writeCount(fields.size());
    for (FieldDescription field : fields) {
      int at = out.reserve(4);
      out.writeString(field.name());
      writeWire(out, field.wire(), depth);
      out.writeString(field.javaType());
      int flags = (field.unsigned() ? UNSIGNED : 0) | (field.fixedLength() >= 0 ? FIXED_LENGTH : 0);
      out.writeByte((byte) flags);
      if (field.fixedLength() >= 0) {
        out.writeInt(field.fixedLength());
      }
      out.setInt(at, out.size() - at - 4);
    }
  }

  private static void writeWire(WireWriter out, WireType wire, int depth) {
    if (depth > MAX_NESTING) {
      throw new IllegalArgumentException(
          "cannot embed these descriptions: wire types nest deeper than " + MAX_NESTING
              + " levels");
    }
    if (wire instanceof Primitive primitive) {
      out.writeByte((byte) tag(primitive));
    } else if (wire instanceof WireType.Boxed boxed) {
      out.writeByte((byte) TAG_BOXED);
      out.writeByte((byte) tag(boxed.primitive()));
    } else if (wire instanceof WireType.Text) {
      out.writeByte((byte) TAG_TEXT);
    } else if (wire instanceof WireType.EnumType enumType) {
      out.writeByte((byte) TAG_ENUM);
      out.writeString(enumType.className());
      out.writeCount(enumType.constants().size());
      for (String constant : enumType.constants()) {
        out.writeString(constant);
      }
    } else if (wire instanceof WireType.EnumValueType enumValue) {
      out.writeByte((byte) TAG_ENUM_VALUE);
      out.writeString(enumValue.className());
      out.writeCount(enumValue.constants().size());
      for (int i = 0; i < enumValue.constants().size(); i++) {
        out.writeString(enumValue.constants().get(i));
        out.writeInt(enumValue.values().get(i));
      }
    } else if (wire instanceof WireType.Sequence sequence) {
      out.writeByte((byte) TAG_SEQUENCE);
      writeWire(out, sequence.element(), depth + 1);
    } else {
      WireType.Struct struct = (WireType.Struct) wire;
      out.writeByte((byte) TAG_STRUCT);
      out.writeString(struct.className());
      writeFields(out, struct.fields(), depth + 1);
    }
  }

  private static int tag(Primitive primitive) {
    for (int tag = 1; tag < PRIMITIVE_BY_TAG.length; tag++) {
      if (PRIMITIVE_BY_TAG[tag] == primitive) {
        return tag;
      }
    }
    throw new AssertionError(primitive);
  }

  /**
   * The descriptions in the data of the {@code dESc} chunk at stream offset {@code offset}, with
   * the default allocation budget of a read (a quarter of the heap).
   *
   * @throws ChunkStreamException at {@code offset}, path {@code dESc}: {@code VERSION} for a
   *     major version other than {@value #MAJOR} (the chunk is ancillary: a reader skips it);
   *     {@code LENGTH} for a count or record length past the bytes left, or bytes left over in a
   *     record or after the last one at a minor version this class knows; {@code DATA} for an
   *     unknown wire type tag or flag, a bad or reserved code, a duplicate type code, field name,
   *     enum constant or sub-chunk code, a null where a name is required, a key that names no
   *     inline field, malformed UTF-8, nesting past {@value #MAX_NESTING} levels, or a stored
   *     fingerprint other than the one the fields give (the chunk is damaged or forged); {@code
   *     LIMIT} if the descriptions would take more than the budget
   */
  public static List<TypeDescription> decode(byte[] data, long offset)
      throws ChunkStreamException {
    return decode(data, offset, Limits.defaultAllocationBudget());
  }

  /**
   * The descriptions in {@code data}, as {@link #decode(byte[], long)} reads them, allocating at
   * most about {@code allocationBudget} bytes.
   */
  public static List<TypeDescription> decode(byte[] data, long offset, long allocationBudget)
      throws ChunkStreamException {
    return new Reader(data, 0, data.length, offset, PATH, new Budget(allocationBudget))
        .description();
  }

  /** A cursor over one {@code dESc} chunk's data. */
  private static final class Reader {
    private final byte[] data;
    private final long offset;
    private final String path;
    private final Budget budget;
    private int pos;
    private int limit;
    private boolean laterMinor;

    /** A reader of the {@code length} bytes at {@code from} of {@code data}. */
    Reader(byte[] data, int from, int length, long offset, String path, Budget budget) {
      this.data = data;
      this.offset = offset;
      this.path = path;
      this.budget = budget;
      this.pos = from;
      this.limit = from + length;
    }

    List<TypeDescription> description() throws ChunkStreamException {
      int major = u16("the version");
      int minor = u16("the version");
      if (major != MAJOR) {
        throw Errors.version(
            offset,
            path,
            "embedded description version " + major + "." + minor
                + " is not readable: this reader knows major " + MAJOR);
      }
      laterMinor = minor > MINOR;
      int n = count(TYPE_MIN, "the types");
      List<TypeDescription> types = list(n);
      Set<ChunkType> codes = new HashSet<>();
      for (int i = 0; i < n; i++) {
        TypeDescription type = type();
        if (!codes.add(type.type())) {
          throw data("type " + type.type().code() + " is described twice");
        }
        types.add(type);
      }
      leftOver("the description");
      return List.copyOf(types);
    }

    private TypeDescription type() throws ChunkStreamException {
      int end = enter("a type record");
      ChunkType code = code("a type");
      long stored = u64("a fingerprint");
      String className = text("a type's class name");
      String key = nullableText("a type's key");
      List<FieldDescription> fields = fields(0);
      int n = count(SUB_CHUNK_MIN, "the sub-chunk fields of " + code.code());
      List<SubChunkField> subChunks = list(n);
      Set<ChunkType> subCodes = new HashSet<>();
      for (int i = 0; i < n; i++) {
        int subEnd = enter("a sub-chunk record");
        String name = text("a sub-chunk field's name");
        ChunkType subCode = code("a sub-chunk");
        String subClass = text("a sub-chunk field's class name");
        boolean list = flag("a sub-chunk field's list byte");
        List<FieldDescription> structFields = nullableFields();
        exit(subEnd, "a sub-chunk record");
        if (!subCodes.add(subCode)) {
          throw data(
              "two sub-chunk fields of " + code.code() + " have the code " + subCode.code());
        }
        if (structFields != null && list) {
          throw data(
              "sub-chunk field " + Text.quote(name) + " of " + code.code() + " declares its code"
                  + " and holds a struct, but its list byte is 01: such a field holds one");
        }
        charge(OBJECT_BYTES, "a sub-chunk field");
        subChunks.add(
            structFields == null
                ? new SubChunkField(name, subCode, subClass, list)
                : SubChunkField.declared(name, subCode, new WireType.Struct(subClass, structFields)));
      }
      exit(end, "a type record");
      if (key != null && fields.stream().noneMatch(f -> f.name().equals(key))) {
        throw data("the key " + Text.quote(key) + " of " + code.code() + " is no inline field");
      }
      Fingerprint computed = Fingerprint.of(fields);
      if (computed.value() != stored) {
        throw data(
            "the fingerprint stored for " + code.code() + " is " + new Fingerprint(stored)
                + " but its fields give " + computed + ": the description is damaged or forged");
      }
      charge(OBJECT_BYTES, "a type");
      return new TypeDescription(code, className, fields, subChunks, key);
    }

    /** The struct fields of a sub-chunk record: null after the null count (a class's sub-chunk). */
    private List<FieldDescription> nullableFields() throws ChunkStreamException {
      require(4, "the count of a sub-chunk's struct fields");
      if (ByteBuffer.wrap(data, pos, 4).getInt() == -1) {
        pos += 4;
        return null;
      }
      charge(OBJECT_BYTES, "a struct");
      return fields(0);
    }

    private List<FieldDescription> fields(int depth) throws ChunkStreamException {
      int n = count(FIELD_MIN, "the fields");
      List<FieldDescription> fields = list(n);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < n; i++) {
        int end = enter("a field record");
        String name = text("a field's name");
        WireType wire = wire(depth);
        String javaType = text("a field's Java type");
        int flags = u8("a field's flags");
        if ((flags & ~(UNSIGNED | FIXED_LENGTH)) != 0) {
          throw data(String.format("field %s has unknown flags %02x", Text.quote(name), flags));
        }
        int fixedLength = -1;
        if ((flags & FIXED_LENGTH) != 0) {
          fixedLength = (int) u32("a fixed length");
          if (fixedLength < 0) {
            throw data(
                "the fixed length of field " + Text.quote(name) + " exceeds the limit of 2^31-1");
          }
        }
        exit(end, "a field record");
        if (!names.add(name)) {
          throw data("two fields are named " + Text.quote(name));
        }
        charge(OBJECT_BYTES, "a field");
        fields.add(new FieldDescription(name, wire, javaType, (flags & UNSIGNED) != 0, fixedLength));
      }
      return fields;
    }

    private WireType wire(int depth) throws ChunkStreamException {
      if (depth > MAX_NESTING) {
        throw data("wire types nest deeper than " + MAX_NESTING + " levels");
      }
      int tag = u8("a wire type's tag");
      if (tag >= 1 && tag < PRIMITIVE_BY_TAG.length) {
        return PRIMITIVE_BY_TAG[tag];
      }
      charge(OBJECT_BYTES, "a wire type");
      switch (tag) {
        case TAG_BOXED -> {
          int primitive = u8("a boxed primitive's tag");
          if (primitive < 1 || primitive >= PRIMITIVE_BY_TAG.length) {
            throw data(String.format("a boxed value of wire type tag %02x", primitive));
          }
          return new WireType.Boxed(PRIMITIVE_BY_TAG[primitive]);
        }
        case TAG_TEXT -> {
          return WireType.TEXT;
        }
        case TAG_ENUM -> {
          String className = text("an enum's class name");
          int n = count(STRING_MIN, "the constants of " + Text.quote(className));
          List<String> constants = list(n);
          Set<String> seen = new HashSet<>();
          for (int i = 0; i < n; i++) {
            String constant = text("an enum constant");
            if (!seen.add(constant)) {
              throw data(
                  Text.quote(className) + " has two constants named " + Text.quote(constant));
            }
            constants.add(constant);
          }
          return new WireType.EnumType(className, constants);
        }
        case TAG_ENUM_VALUE -> {
          return enumValue();
        }
        case TAG_SEQUENCE -> {
          return new WireType.Sequence(wire(depth + 1));
        }
        case TAG_STRUCT -> {
          String className = text("a struct's class name");
          return new WireType.Struct(className, fields(depth + 1));
        }
        default -> throw data(String.format("unknown wire type tag %02x", tag));
      }
    }

    /** Tag {@code 0E}'s parameters: the class, then each constant's name and value. */
    private WireType enumValue() throws ChunkStreamException {
      String className = text("an enum's class name");
      int n = count(STRING_MIN + 4, "the constants of " + Text.quote(className));
      List<String> constants = list(n);
      List<Integer> values = list(n);
      Set<String> seen = new HashSet<>();
      Set<Integer> seenValues = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String constant = text("an enum constant");
        int value = (int) u32("the value of " + Text.quote(constant));
        if (!seen.add(constant)) {
          throw data(Text.quote(className) + " has two constants named " + Text.quote(constant));
        }
        if (!seenValues.add(value)) {
          throw data(
              Text.quote(className) + " has two constants of value " + value + ", the second "
                  + Text.quote(constant));
        }
        constants.add(constant);
        values.add(value);
      }
      return new WireType.EnumValueType(className, constants, values);
    }

    // ---- records ----

    /** Reads a record's length and makes its end the limit; returns the enclosing limit. */
    private int enter(String what) throws ChunkStreamException {
      long length = u32("the length of " + what);
      if (length > limit - pos) {
        throw Errors.length(
            offset,
            path,
            "the length " + length + " of " + what + " runs past the " + (limit - pos)
                + " bytes left");
      }
      int enclosing = limit;
      limit = pos + (int) length;
      return enclosing;
    }

    /** Leaves a record: bytes a later minor version appended are skipped. */
    private void exit(int enclosing, String what) throws ChunkStreamException {
      leftOver(what);
      pos = limit;
      limit = enclosing;
    }

    private void leftOver(String what) throws ChunkStreamException {
      if (pos < limit && !laterMinor) {
        throw Errors.length(
            offset,
            path,
            (limit - pos) + " bytes are left over at the end of " + what + ", which version "
                + MAJOR + "." + MINOR + " ends there");
      }
    }

    // ---- values ----

    private void require(int n, String what) throws ChunkStreamException {
      if (limit - pos < n) {
        throw Errors.length(
            offset,
            path,
            "the data ends inside " + what + ": " + n + " bytes needed, " + (limit - pos)
                + " left");
      }
    }

    private int u8(String what) throws ChunkStreamException {
      require(1, what);
      return data[pos++] & 0xff;
    }

    private int u16(String what) throws ChunkStreamException {
      require(2, what);
      int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    private long u32(String what) throws ChunkStreamException {
      require(4, what);
      long v = ByteBuffer.wrap(data, pos, 4).getInt() & 0xffffffffL;
      pos += 4;
      return v;
    }

    private long u64(String what) throws ChunkStreamException {
      require(8, what);
      long v = ByteBuffer.wrap(data, pos, 8).getLong();
      pos += 8;
      return v;
    }

    private boolean flag(String what) throws ChunkStreamException {
      int b = u8(what);
      if (b > 1) {
        throw data(String.format("%s must be 00 or 01, found %02x", what, b));
      }
      return b == 1;
    }

    /** A type code: four letters, not a code the format reserves, reserved bit clear. */
    private ChunkType code(String what) throws ChunkStreamException {
      int value = (int) u32("the code of " + what);
      if (!ChunkType.isValid(value)) {
        throw data("the code of " + what + " is " + Errors.notLetters(value));
      }
      ChunkType code = ChunkType.of(value);
      if (Framing.isStreamCode(value) || code.equals(ChunkType.DESC)) {
        throw data("the code of " + what + " is " + code.code() + ", which the format reserves");
      }
      if (code.isReservedBitSet()) {
        throw data("the code of " + what + " is " + code.code() + ", whose reserved bit is set");
      }
      return code;
    }

    /** A count of records of at least {@code minBytes} each; never the null count. */
    private int count(int minBytes, String what) throws ChunkStreamException {
      long n = u32("the count of " + what);
      if (n == 0xffffffffL) {
        throw data("the count of " + what + " is null");
      }
      if (n > Integer.MAX_VALUE) {
        throw Errors.length(offset, path, "count " + n + " exceeds the limit of 2^31-1");
      }
      if (n * minBytes > limit - pos) {
        throw Errors.length(
            offset,
            path,
            "count " + n + " of " + what + " needs at least " + n * minBytes
                + " bytes, but only " + (limit - pos) + " are left");
      }
      return (int) n;
    }

    private <T> List<T> list(int n) throws ChunkStreamException {
      charge(LIST_BYTES + REFERENCE_BYTES * (long) n, "a list of " + n);
      return new ArrayList<>(n);
    }

    private String text(String what) throws ChunkStreamException {
      String s = nullableText(what);
      if (s == null) {
        throw data(what + " is null");
      }
      return s;
    }

    private String nullableText(String what) throws ChunkStreamException {
      long n = u32("the count of " + what);
      if (n == 0xffffffffL) {
        return null;
      }
      if (n > limit - pos) {
        throw Errors.length(
            offset,
            path,
            "count " + n + " of " + what + " runs past the " + (limit - pos) + " bytes left");
      }
      int length = (int) n;
      charge(STRING_BYTES + 2L * length, "a string of " + length + " bytes");
      String s;
      try {
        s = Text.utf8(data, pos, length);
      } catch (CharacterCodingException e) {
        throw data(what + " is not valid UTF-8");
      }
      pos += length;
      return s;
    }

    private void charge(long bytes, String what) throws ChunkStreamException {
      if (!budget.tryCharge(bytes)) {
        throw Errors.limit(offset, path, budget.exceeded(bytes, what));
      }
    }

    private ChunkStreamException data(String detail) {
      return Errors.data(offset, path, detail);
    }
  }
}

package io.chunkstate.properties;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.WireReader;
import io.chunkstate.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Every wire type of SPEC §4, each with values to try (edge cases included: NaN payloads, null,
 * empty and long arrays, strings outside the BMP), its write and read calls, and bit-exact
 * equality.
 */
enum Wire {
  BOOLEAN {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.of(true, false);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeBoolean((Boolean) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readBoolean();
    }
  },
  BYTE {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.bytes();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeByte((Byte) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readByte();
    }
  },
  SHORT {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.shorts();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeShort((Short) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readShort();
    }
  },
  CHAR {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.chars(); // lone surrogates included: a char is 16 raw bits
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeChar((Character) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readChar();
    }
  },
  INT {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.integers();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeInt((Integer) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readInt();
    }
  },
  LONG {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.longs();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeLong((Long) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readLong();
    }
  },
  FLOAT {
    @Override
    Arbitrary<?> arbitrary() {
      return floats();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeFloat((Float) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readFloat();
    }
  },
  DOUBLE {
    @Override
    Arbitrary<?> arbitrary() {
      return doubles();
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeDouble((Double) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readDouble();
    }
  },
  BOXED_LONG {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.longs().injectNull(0.3);
    }

    @Override
    void write(WireWriter out, Object v) {
      if (out.writePresence(v)) {
        out.writeLong((Long) v);
      }
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readPresence() ? in.readLong() : null;
    }
  },
  BOXED_DOUBLE {
    @Override
    Arbitrary<?> arbitrary() {
      return doubles().injectNull(0.3);
    }

    @Override
    void write(WireWriter out, Object v) {
      if (out.writePresence(v)) {
        out.writeDouble((Double) v);
      }
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readPresence() ? in.readDouble() : null;
    }
  },
  STRING {
    @Override
    Arbitrary<?> arbitrary() {
      return strings().injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeString((String) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readString();
    }
  },
  ENUM {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.of(Mode.class).injectNull(0.2);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeEnum((Mode) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      String name = in.readString();
      if (name == null) {
        return null;
      }
      for (Mode mode : Mode.values()) {
        if (mode.name().equals(name)) {
          return mode;
        }
      }
      throw in.unknownEnumConstant("Mode", name);
    }
  },
  BYTES {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeBytes((byte[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readBytes();
    }
  },
  BOOLEANS {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.of(true, false).list().ofMaxSize(50).map(Wire::toBooleans).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeBooleans((boolean[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readBooleans();
    }
  },
  SHORTS {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.shorts().array(short[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeShorts((short[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readShorts();
    }
  },
  CHARS {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.chars().array(char[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeChars((char[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readChars();
    }
  },
  INTS {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.integers().array(int[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeInts((int[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readInts();
    }
  },
  LONGS {
    @Override
    Arbitrary<?> arbitrary() {
      return Arbitraries.longs().array(long[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeLongs((long[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readLongs();
    }
  },
  FLOATS {
    @Override
    Arbitrary<?> arbitrary() {
      return floats().array(float[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeFloats((float[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readFloats();
    }
  },
  DOUBLES {
    @Override
    Arbitrary<?> arbitrary() {
      return doubles().array(double[].class).ofMaxSize(50).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeDoubles((double[]) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readDoubles();
    }
  },
  /** {@code List<String>}: a count, then each element as a string (null elements included). */
  STRING_LIST {
    @Override
    Arbitrary<?> arbitrary() {
      return strings().injectNull(0.2).list().ofMaxSize(8).injectNull(0.1);
    }

    @Override
    void write(WireWriter out, Object v) {
      List<?> list = (List<?>) v;
      if (list == null) {
        out.writeCount(-1);
        return;
      }
      out.writeCount(list.size());
      for (Object s : list) {
        out.writeString((String) s);
      }
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      int n = in.readCount(4);
      if (n < 0) {
        return null;
      }
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(in.readString());
      }
      return list;
    }
  },
  /** A {@code @ChunkStruct} of two ints: a presence byte, then the fields. */
  STRUCT {
    @Override
    Arbitrary<?> arbitrary() {
      return Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
          .as(Point::new)
          .injectNull(0.2);
    }

    @Override
    void write(WireWriter out, Object v) {
      Point p = (Point) v;
      if (out.writePresence(p)) {
        out.writeInt(p.x());
        out.writeInt(p.y());
      }
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readPresence() ? new Point(in.readInt(), in.readInt()) : null;
    }
  };

  /** An enum for the enum wire type. */
  enum Mode {
    OFF,
    ON,
    STANDBY
  }

  /** A struct for the struct wire type. */
  record Point(int x, int y) {}

  /** A value of one wire type. */
  record Field(Wire wire, Object value) {
    void write(WireWriter out) {
      wire.write(out, value);
    }

    boolean sameAs(Object read) {
      return same(value, read);
    }

    @Override
    public String toString() {
      return wire + "=" + render(value);
    }
  }

  abstract Arbitrary<?> arbitrary();

  abstract void write(WireWriter out, Object value);

  abstract Object read(WireReader in) throws ChunkStreamException;

  /** A value of any wire type. */
  static Arbitrary<Field> fields() {
    return Arbitraries.of(values()).flatMap(w -> w.arbitrary().map(v -> new Field(w, v)));
  }

  /** Every bit pattern, NaN payloads and signalling NaNs included. */
  static Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Float::intBitsToFloat),
        Arbitraries.of(0x7fc00000, 0x7fc00001, 0x7f800001, 0xffffffff, 0x80000000, 0x7f800000)
            .map(Float::intBitsToFloat));
  }

  /** Every bit pattern, NaN payloads and signalling NaNs included. */
  static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.of(
                0x7ff8000000000000L,
                0x7ff8000000000001L,
                0x7ff0000000000001L,
                0xffffffffffffffffL,
                0x8000000000000000L)
            .map(Double::longBitsToDouble));
  }

  /** Well-formed strings: any code point but a surrogate, so characters outside the BMP too. */
  static Arbitrary<String> strings() {
    Arbitrary<Integer> codePoints =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 0x7f),
            Arbitraries.integers().between(0x80, 0xd7ff),
            Arbitraries.integers().between(0xe000, 0xffff),
            Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT));
    return codePoints
        .list()
        .ofMaxSize(40)
        .map(cps -> cps.stream().mapToInt(Integer::intValue).collect(
            StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
  }

  private static boolean[] toBooleans(List<Boolean> list) {
    boolean[] out = new boolean[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** Equality that compares floating-point values by their raw bits, arrays by content. */
  static boolean same(Object a, Object b) {
    if (a instanceof Float x && b instanceof Float y) {
      return Float.floatToRawIntBits(x) == Float.floatToRawIntBits(y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }
    if (a instanceof float[] x && b instanceof float[] y) {
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof double[] x && b instanceof double[] y) {
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(a, b);
  }

  static String render(Object v) {
    if (v instanceof Object[] || v == null || !v.getClass().isArray()) {
      return String.valueOf(v);
    }
    return Arrays.deepToString(new Object[] {v});
  }
}

package io.chunkstate.properties;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.testing.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Every wire type of SPEC §4, each with values to try (edge cases included: NaN payloads, null,
 * empty and long arrays, strings outside the BMP), its write and read calls, and bit-exact
 * equality.
 */
enum Wire {
  BOOLEAN {
    @Override
    Object generate(Generator g) {
      return g.aBoolean();
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
    Object generate(Generator g) {
      return g.aByte();
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
    Object generate(Generator g) {
      return g.aShort();
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
    Object generate(Generator g) {
      return g.aChar(); // lone surrogates included: a char is 16 raw bits
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
    Object generate(Generator g) {
      return g.anInt();
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
    Object generate(Generator g) {
      return g.aLong();
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
    Object generate(Generator g) {
      return g.aFloat();
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
    Object generate(Generator g) {
      return g.aDouble();
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
    Object generate(Generator g) {
      return g.orNull(3, g::aLong);
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
    Object generate(Generator g) {
      return g.orNull(3, g::aDouble);
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
    Object generate(Generator g) {
      return g.orNull(10, g::aString);
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
    Object generate(Generator g) {
      return g.orNull(5, () -> g.oneOf(Mode.values()));
    }

    @Override
    void write(WireWriter out, Object v) {
      out.writeEnum((Mode) v);
    }

    @Override
    Object read(WireReader in) throws ChunkStreamException {
      return in.readEnum(Mode.values());
    }
  },
  BYTES {
    @Override
    Object generate(Generator g) {
      return g.orNull(10, () -> g.bytes(g.length(300)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.booleans(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.shorts(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.chars(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.ints(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.longs(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.floats(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.doubles(g.length(50)));
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
    Object generate(Generator g) {
      return g.orNull(10, () -> g.listOf(g.between(0, 9), () -> g.orNull(5, g::aString)));
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
    Object generate(Generator g) {
      return g.orNull(5, () -> new Point(g.anInt(), g.anInt()));
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

  /** A value of this wire type, null included where the type allows it. */
  abstract Object generate(Generator g);

  abstract void write(WireWriter out, Object value);

  abstract Object read(WireReader in) throws ChunkStreamException;

  /** A value of any wire type. */
  static Field field(Generator g) {
    Wire wire = g.oneOf(values());
    return new Field(wire, wire.generate(g));
  }

  /** Up to {@code max} values of any wire types. */
  static List<Field> fields(Generator g, int max) {
    return g.listOf(g.between(0, max + 1), () -> field(g));
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

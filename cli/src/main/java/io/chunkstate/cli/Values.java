package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads inline field values from a chunk's data by their descriptions (SPEC §4) and prints them:
 * integers unsigned where declared, strings quoted with escapes, arrays abbreviated, enums by
 * name (and value, for an enum that travels by value: {@code GBIT(3)}), structs nested, boxed
 * nulls as {@code null}. The reads are the runtime's, so a value the format forbids (a boolean
 * byte of 02, malformed UTF-8, a count past the data) fails with the reader's {@link
 * ChunkStreamException}.
 */
final class Values {
  /** Elements of an array shown before the rest is abbreviated. */
  static final int SHOWN_ELEMENTS = 8;

  /** One inline field: its name, the stream offset of its first byte, its value as text. */
  record Field(String name, long offset, String value) {}

  private Values() {}

  /**
   * Reads {@code fields} from the current position of {@code in}, a chunk whose data begins at
   * stream offset {@code dataOffset}.
   */
  static List<Field> read(WireReader in, List<FieldDescription> fields, long dataOffset)
      throws ChunkStreamException {
    List<Field> out = new ArrayList<>(fields.size());
    for (FieldDescription f : fields) {
      long at = dataOffset + in.length() - in.remaining();
      out.add(new Field(f.name(), at, value(in, f.wire(), f)));
    }
    return out;
  }

  private static String value(WireReader in, WireType wire, FieldDescription field)
      throws ChunkStreamException {
    boolean unsigned = field.unsigned();
    if (wire instanceof WireType.Primitive p) {
      return primitive(in, p, unsigned);
    }
    if (wire instanceof WireType.Boxed b) {
      return in.readPresence() ? primitive(in, b.primitive(), unsigned) : "null";
    }
    if (wire instanceof WireType.Text) {
      String s = in.readString();
      return s == null ? "null" : Quote.string(s);
    }
    if (wire instanceof WireType.EnumType e) {
      String name = in.readString();
      if (name == null) {
        return "null";
      }
      if (!e.constants().isEmpty() && !e.constants().contains(name)) {
        throw in.dataError(e.className() + " has no constant named " + Quote.string(name));
      }
      return Quote.isIdentifier(name) ? name : Quote.string(name);
    }
    if (wire instanceof WireType.EnumValueType e) {
      return enumValue(in, e, field);
    }
    if (wire instanceof WireType.Struct s) {
      if (!in.readPresence()) {
        return "null";
      }
      StringBuilder out = new StringBuilder("{");
      for (FieldDescription f : s.fields()) {
        out.append(out.length() == 1 ? "" : ", ").append(f.name()).append('=');
        out.append(value(in, f.wire(), f));
      }
      return out.append('}').toString();
    }
    return sequence(in, ((WireType.Sequence) wire).element(), field);
  }

  /**
   * An enum that travels by value: {@code GBIT(3)}, the constant and its value; the bare value
   * when the description lists no constants; {@code DATA} for a value no constant declares.
   */
  private static String enumValue(WireReader in, WireType.EnumValueType e, FieldDescription field)
      throws ChunkStreamException {
    if (!in.readPresence()) {
      return "null";
    }
    int value = in.readInt();
    if (e.constants().isEmpty()) {
      return String.valueOf(value);
    }
    String constant = e.constantOf(value);
    if (constant == null) {
      throw in.dataError(
          field.name() + ": " + e.className() + " has no constant with wire value " + value);
    }
    return (Quote.isIdentifier(constant) ? constant : Quote.string(constant)) + "(" + value + ")";
  }

  private static String sequence(WireReader in, WireType element, FieldDescription field)
      throws ChunkStreamException {
    if (element == WireType.Primitive.BYTE && !field.unsigned()) {
      byte[] bytes = in.readBytes();
      if (bytes == null) {
        return "null";
      }
      checkLength(in, field, bytes.length);
      return "<" + Quote.hexPreview(bytes, 0, bytes.length) + "> (" + bytes.length + " bytes)";
    }
    int n = in.readCount(minBytes(element));
    if (n < 0) {
      return "null";
    }
    checkLength(in, field, n);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      String v = value(in, element, field);
      if (i < SHOWN_ELEMENTS) {
        out.append(i == 0 ? "" : ", ").append(v);
      }
    }
    if (n > SHOWN_ELEMENTS) {
      out.append(", … ").append(n).append(" elements");
    }
    return out.append(']').toString();
  }

  /** A fixed-length field's count must equal its declared length (SPEC §4). */
  private static void checkLength(WireReader in, FieldDescription field, int n)
      throws ChunkStreamException {
    if (field.fixedLength() >= 0 && field.fixedLength() != n
        && !(field.wire() instanceof WireType.Text)) {
      throw in.dataError(
          field.name() + " declares a fixed length of " + field.fixedLength() + " but holds " + n);
    }
  }

  /** The fewest bytes one value takes: what a count is checked against. */
  private static int minBytes(WireType element) {
    if (element instanceof WireType.Primitive p) {
      return p.width();
    }
    return element instanceof WireType.Boxed
            || element instanceof WireType.Struct
            || element instanceof WireType.EnumValueType
        ? 1
        : 4;
  }

  private static String primitive(WireReader in, WireType.Primitive p, boolean unsigned)
      throws ChunkStreamException {
    return switch (p) {
      case BOOLEAN -> String.valueOf(in.readBoolean());
      case BYTE -> {
        byte b = in.readByte();
        yield unsigned ? String.valueOf(b & 0xff) : String.valueOf(b);
      }
      case SHORT -> {
        short s = in.readShort();
        yield unsigned ? String.valueOf(s & 0xffff) : String.valueOf(s);
      }
      case CHAR -> Quote.character(in.readChar());
      case INT -> {
        int i = in.readInt();
        yield unsigned ? Integer.toUnsignedString(i) : String.valueOf(i);
      }
      case LONG -> {
        long l = in.readLong();
        yield unsigned ? Long.toUnsignedString(l) : String.valueOf(l);
      }
      case FLOAT -> String.valueOf(in.readFloat());
      case DOUBLE -> String.valueOf(in.readDouble());
    };
  }
}

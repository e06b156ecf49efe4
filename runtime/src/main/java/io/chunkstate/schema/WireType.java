package io.chunkstate.schema;

import java.util.List;

/**
 * How one inline value travels (SPEC §4). Sub-chunks are not inline values: a type describes
 * them beside its fields ({@link SubChunkField}).
 */
public sealed interface WireType
    permits WireType.Primitive,
        WireType.Boxed,
        WireType.Text,
        WireType.EnumType,
        WireType.EnumValueType,
        WireType.Sequence,
        WireType.Struct {

  /** The string type. */
  WireType TEXT = new Text();

  /**
   * The wire type as a description names it: {@code int}, {@code int?} (boxed), {@code string},
   * {@code enum<p.Mode>}, {@code enumvalue<p.Speed>} (by value), {@code int[]} (a count, then
   * the elements: an array or a list), {@code struct<p.Point>}.
   */
  String descriptor();

  /**
   * The wire type as a layout fingerprint sees it (SPEC §8): structs by their own inline fields,
   * names included; enums by their encoding, not their class.
   */
  String layout();

  /** Calls the method of {@code visitor} for this kind of wire type. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of wire type: a new kind fails to compile wherever one is missing. */
  interface Visitor<R> {
    R primitive(Primitive type);

    R boxed(Boxed type);

    R text(Text type);

    R enumType(EnumType type);

    R enumValue(EnumValueType type);

    R sequence(Sequence type);

    R struct(Struct type);
  }

  /** A primitive, written at its fixed width, big-endian. */
  enum Primitive implements WireType {
    BOOLEAN("boolean", 1),
    BYTE("byte", 1),
    SHORT("short", 2),
    CHAR("char", 2),
    INT("int", 4),
    LONG("long", 8),
    FLOAT("float", 4),
    DOUBLE("double", 8);

    private final String keyword;
    private final int width;

    Primitive(String keyword, int width) {
      this.keyword = keyword;
      this.width = width;
    }

    /** The Java keyword: {@code int}. */
    public String keyword() {
      return keyword;
    }

    /** How many bytes one value takes. */
    public int width() {
      return width;
    }

    /** Whether an integer of this type may be declared unsigned. */
    public boolean isInteger() {
      return this == BYTE || this == SHORT || this == INT || this == LONG;
    }

    @Override
    public String descriptor() {
      return keyword;
    }

    @Override
    public String layout() {
      return keyword;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.primitive(this);
    }
  }

  /** A boxed primitive: a presence byte, then the primitive. */
  record Boxed(Primitive primitive) implements WireType {
    @Override
    public String descriptor() {
      return primitive.keyword() + "?";
    }

    @Override
    public String layout() {
      return descriptor();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.boxed(this);
    }
  }

  /** A string: a count and UTF-8 bytes. */
  record Text() implements WireType {
    @Override
    public String descriptor() {
      return "string";
    }

    @Override
    public String layout() {
      return descriptor();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.text(this);
    }
  }

  /**
   * An enum, written as its constant's name (a string).
   *
   * @param className the enum's binary name
   * @param constants its constants' names, in declaration order
   */
  record EnumType(String className, List<String> constants) implements WireType {
    public EnumType {
      constants = List.copyOf(constants);
    }

    @Override
    public String descriptor() {
      return "enum<" + className + ">";
    }

    @Override
    public String layout() {
      return "enum";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.enumType(this);
    }
  }

  /**
   * An enum whose constants declare wire values, written as a presence byte and the constant's
   * value, an {@code int} (SPEC §4). Its layout is {@code enumvalue}, not {@code enum}: the bytes
   * differ from an enum written by name, so the fingerprints do.
   *
   * @param className the enum's binary name
   * @param constants its constants' names, in declaration order
   * @param values the value each constant declares, at the same index; no two alike
   */
  record EnumValueType(String className, List<String> constants, List<Integer> values)
      implements WireType {
    public EnumValueType {
      constants = List.copyOf(constants);
      values = List.copyOf(values);
      if (constants.size() != values.size()) {
        throw new IllegalArgumentException(
            constants.size() + " constants but " + values.size() + " values");
      }
      if (values.stream().distinct().count() != values.size()) {
        throw new IllegalArgumentException("two constants with one value: " + values);
      }
    }

    /** The constant that declares {@code value}, or null for none. */
    public String constantOf(int value) {
      int i = values.indexOf(value);
      return i < 0 ? null : constants.get(i);
    }

    @Override
    public String descriptor() {
      return "enumvalue<" + className + ">";
    }

    @Override
    public String layout() {
      return "enumvalue";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.enumValue(this);
    }
  }

  /**
   * A count, then that many elements: an array or a {@code List}, which travel alike. An array of
   * primitives is a sequence of the primitive.
   */
  record Sequence(WireType element) implements WireType {
    @Override
    public String descriptor() {
      return element.descriptor() + "[]";
    }

    @Override
    public String layout() {
      return element.layout() + "[]";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sequence(this);
    }
  }

  /**
   * A {@code @ChunkStruct}: a presence byte, then its own inline fields.
   *
   * @param className the struct's binary name
   * @param fields its inline fields, in order
   */
  record Struct(String className, List<FieldDescription> fields) implements WireType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public String descriptor() {
      return "struct<" + className + ">";
    }

    @Override
    public String layout() {
      return "struct{" + Fingerprint.layout(fields) + "}";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.struct(this);
    }
  }
}

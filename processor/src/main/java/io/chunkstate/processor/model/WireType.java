package io.chunkstate.processor.model;

import java.util.List;

/**
 * How one value travels (SPEC §4). Inline types are written in the parent's data; {@link
 * SubChunk} and {@link SubChunkList} travel as sub-chunks after the inline fields.
 *
 * <p>Code that treats each kind of wire type its own way does so through a {@link Visitor}, so
 * that a new kind fails to compile wherever it is not handled yet.
 */
public sealed interface WireType {
  /** The string type. */
  WireType STRING = new Text();

  /** The bitmap type, {@code java.util.BitSet}. */
  WireType BITS = new Bits();

  /** The bytes of a chunk's framing around its data: length, type and CRC. */
  int SUB_CHUNK_FRAMING = 12;

  /**
   * The fewest bytes one value takes in its parent's data, which bounds a count of them: for a
   * sub-chunk, its length, type and CRC; for a list of sub-chunks, nothing.
   */
  int minBytes();

  /** Calls the method of {@code visitor} for this kind of wire type. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of wire type: the exhaustive dispatch over them (Java 17 has no pattern
   * matching {@code switch}).
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    R visitPrimitive(Primitive type);

    R visitBoxed(Boxed type);

    R visitText(Text type);

    R visitEnum(EnumType type);

    R visitPrimitiveArray(PrimitiveArray type);

    R visitBits(Bits type);

    R visitArrayOf(ArrayOf type);

    R visitListOf(ListOf type);

    R visitStruct(Struct type);

    R visitSubChunk(SubChunk type);

    R visitSubChunkList(SubChunkList type);

    R visitDeclaredSubChunk(DeclaredSubChunk type);
  }

  /** A primitive, written at its fixed width. */
  enum Primitive implements WireType {
    BOOLEAN("boolean", "Boolean", 1),
    BYTE("byte", "Byte", 1),
    SHORT("short", "Short", 2),
    CHAR("char", "Char", 2),
    INT("int", "Int", 4),
    LONG("long", "Long", 8),
    FLOAT("float", "Float", 4),
    DOUBLE("double", "Double", 8);

    private final String keyword;
    private final String methodSuffix;
    private final int width;

    Primitive(String keyword, String methodSuffix, int width) {
      this.keyword = keyword;
      this.methodSuffix = methodSuffix;
      this.width = width;
    }

    /** The Java keyword: {@code int}. */
    public String keyword() {
      return keyword;
    }

    /** The suffix of the reader's and writer's methods: {@code Int} for {@code readInt}. */
    public String methodSuffix() {
      return methodSuffix;
    }

    @Override
    public int minBytes() {
      return width;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPrimitive(this);
    }
  }

  /** A boxed primitive: a presence byte, then the primitive. */
  record Boxed(Primitive primitive) implements WireType {

    @Override
    public int minBytes() {
      return 1;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBoxed(this);
    }
  }

  /** A string: a count and UTF-8 bytes. */
  record Text() implements WireType {

    @Override
    public int minBytes() {
      return 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitText(this);
    }
  }

  /**
   * An enum: written as its constant's name, or, when its constants declare wire values, as a
   * presence byte and the constant's value.
   *
   * @param constants the constants' names, in declaration order
   * @param values the value each constant declares, in the same order; empty for an enum that
   *     travels by name
   */
  record EnumType(JavaName name, List<String> constants, List<Integer> values)
      implements WireType {
    public EnumType {
      constants = List.copyOf(constants);
      values = List.copyOf(values);
      if (!values.isEmpty() && values.size() != constants.size()) {
        throw new IllegalArgumentException("a value for each constant, or none: " + values);
      }
    }

    /** An enum that travels by name. */
    public EnumType(JavaName name, List<String> constants) {
      this(name, constants, List.of());
    }

    /** Whether the enum travels by value rather than by name. */
    public boolean byValue() {
      return !values.isEmpty();
    }

    @Override
    public int minBytes() {
      return byValue() ? 1 : 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEnum(this);
    }
  }

  /** An array of primitives, written by the reader's and writer's array methods. */
  record PrimitiveArray(Primitive element) implements WireType {

    @Override
    public int minBytes() {
      return 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPrimitiveArray(this);
    }
  }

  /**
   * A {@code java.util.BitSet}: its {@code toLongArray()} as a {@code long[]}, a count then each
   * word; read back with {@code BitSet.valueOf(long[])}.
   */
  record Bits() implements WireType {

    @Override
    public int minBytes() {
      return 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBits(this);
    }
  }

  /** An array of an inline non-primitive type: a count, then each element. */
  record ArrayOf(WireType element) implements WireType {

    @Override
    public int minBytes() {
      return 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitArrayOf(this);
    }
  }

  /** A {@code List} of an inline type: encoded as an array, decoded to an {@code ArrayList}. */
  record ListOf(WireType element) implements WireType {

    @Override
    public int minBytes() {
      return 4;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitListOf(this);
    }
  }

  /** A {@code @ChunkStruct}: a presence byte, then its own fields. */
  record Struct(ClassModel type) implements WireType {

    @Override
    public int minBytes() {
      return 1;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitStruct(this);
    }
  }

  /**
   * A field of a {@code @Chunk} type: one sub-chunk when not null.
   *
   * @param mutable whether the type is a class, whose codec restores an existing instance in
   *     place ({@code ChunkCodec.apply}), rather than a record
   * @param layout the type's fields, if it is a record of primitives that the parent's codec may
   *     build itself from a sub-chunk read in place; null for any other type
   */
  record SubChunk(JavaName type, String code, boolean mutable, FixedLayout layout)
      implements WireType {

    @Override
    public int minBytes() {
      return SUB_CHUNK_FRAMING;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSubChunk(this);
    }
  }

  /**
   * A {@code List} or an array of a {@code @Chunk} type: one sub-chunk per element, the same bytes
   * for both.
   *
   * @param mutable whether the type is a class, whose codec restores the elements of a list or
   *     array of the same size in place, rather than a record
   * @param array whether the field is an array {@code C[]} rather than a {@code List<C>}
   * @param layout the element type's fields, if it is a record of primitives that the parent's
   *     codec may build itself from a sub-chunk read in place; null for any other type
   */
  record SubChunkList(
      JavaName type, String code, boolean mutable, boolean array, FixedLayout layout)
      implements WireType {

    @Override
    public int minBytes() {
      return 0; // an empty list sends no sub-chunk
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSubChunkList(this);
    }
  }

  /**
   * A {@code @ChunkStruct} field that declares its own sub-chunk code ({@code @SubChunk}): one
   * sub-chunk of that code when not null, whose data is the struct's inline fields, without a
   * presence byte. The code is its parent's, not registered.
   */
  record DeclaredSubChunk(ClassModel type, String code) implements WireType {

    @Override
    public int minBytes() {
      return SUB_CHUNK_FRAMING;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDeclaredSubChunk(this);
    }
  }

  /**
   * The fields of a record of primitives only, in order: its sub-chunk's data is one run of
   * fixed-width values, {@link #length()} bytes, which the codec of a parent that holds the record
   * reads in place and gives to the canonical constructor.
   *
   * @param names the record's components
   * @param types the primitive type of each, at the same index
   */
  record FixedLayout(List<String> names, List<Primitive> types) {
    public FixedLayout {
      names = List.copyOf(names);
      types = List.copyOf(types);
    }

    /** The bytes of the sub-chunk's data. */
    public int length() {
      int length = 0;
      for (Primitive type : types) {
        length += type.minBytes();
      }
      return length;
    }
  }
}

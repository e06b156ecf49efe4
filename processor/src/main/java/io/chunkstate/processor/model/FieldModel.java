package io.chunkstate.processor.model;

/**
 * One field of a state type: its name, how it travels, and how generated code reads and sets it.
 *
 * @param name the field's (or record component's) name
 * @param type how the field is encoded
 * @param read how the codec gets the value from an instance
 * @param write how the codec gives the value to an instance
 * @param whenAbsent for a sub-chunk field, the static method that gives its value when the stream
 *     has no sub-chunk for it ({@code @WhenAbsent}); null for none
 * @param unsigned whether the field is declared {@code @Unsigned}, which changes no byte
 * @param fixedLength the length an array or string field declares ({@code @FixedLength}), which
 *     the codec holds each value to; -1 for none
 */
public record FieldModel(
    String name,
    WireType type,
    Access read,
    Access write,
    StaticCall whenAbsent,
    boolean unsigned,
    int fixedLength) {

  /** A field that declares nothing. */
  public FieldModel(
      String name, WireType type, Access read, Access write, StaticCall whenAbsent) {
    this(name, type, read, write, whenAbsent, false, -1);
  }

  /** A field without a value for an absent sub-chunk, that declares nothing. */
  public FieldModel(String name, WireType type, Access read, Access write) {
    this(name, type, read, write, null);
  }

  /** Whether the field declares a length that the codec holds each value to. */
  public boolean hasFixedLength() {
    return fixedLength >= 0;
  }

  /** How generated code reaches a field. */
  public record Access(Kind kind, String member) {
    /** The ways in. */
    public enum Kind {
      /** The field itself, reachable from the codec's package. */
      FIELD,
      /** A getter (for reading) or setter (for writing). */
      METHOD,
      /** A parameter of the record's canonical constructor (for writing). */
      CONSTRUCTOR,
      /**
       * A final array that the instance allocates itself, filled in place (for writing): the
       * codec copies the decoded elements into the array it reads through {@code read}.
       */
      IN_PLACE
    }

    /** Direct access to the field named {@code name}. */
    public static Access field(String name) {
      return new Access(Kind.FIELD, name);
    }

    /** A call to the method named {@code name}. */
    public static Access method(String name) {
      return new Access(Kind.METHOD, name);
    }

    /** A canonical constructor parameter. */
    public static Access constructor() {
      return new Access(Kind.CONSTRUCTOR, "");
    }

    /** The instance's own array, filled in place. */
    public static Access inPlace() {
      return new Access(Kind.IN_PLACE, "");
    }
  }

  /** A call of a static method without arguments: {@code RngDevice.reseed()}. */
  public record StaticCall(JavaName owner, String method) {}

  /** Whether the codec fills the instance's own array rather than setting the field. */
  public boolean inPlace() {
    return write.kind() == Access.Kind.IN_PLACE;
  }

  /** Whether the field travels as a sub-chunk (or several) rather than inline. */
  public boolean isSubChunk() {
    return travelsAsSubChunk(type);
  }

  /** Whether a field of wire type {@code type} travels as a sub-chunk (or several). */
  public static boolean travelsAsSubChunk(WireType type) {
    return type.accept(IS_SUB_CHUNK);
  }

  private static final WireType.Visitor<Boolean> IS_SUB_CHUNK =
      new WireType.Visitor<>() {
        @Override
        public Boolean visitPrimitive(WireType.Primitive type) {
          return false;
        }

        @Override
        public Boolean visitBoxed(WireType.Boxed type) {
          return false;
        }

        @Override
        public Boolean visitText(WireType.Text type) {
          return false;
        }

        @Override
        public Boolean visitEnum(WireType.EnumType type) {
          return false;
        }

        @Override
        public Boolean visitPrimitiveArray(WireType.PrimitiveArray type) {
          return false;
        }

        @Override
        public Boolean visitBits(WireType.Bits type) {
          return false;
        }

        @Override
        public Boolean visitArrayOf(WireType.ArrayOf type) {
          return false;
        }

        @Override
        public Boolean visitListOf(WireType.ListOf type) {
          return false;
        }

        @Override
        public Boolean visitStruct(WireType.Struct type) {
          return false;
        }

        @Override
        public Boolean visitSubChunk(WireType.SubChunk type) {
          return true;
        }

        @Override
        public Boolean visitSubChunkList(WireType.SubChunkList type) {
          return true;
        }

        @Override
        public Boolean visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
          return true;
        }
      };
}

package io.chunkstate.schema;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.internal.Errors;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of the chunk types some descriptions describe, for a {@link ChunkEditor}: a type
 * is known when a description of it is given and its reserved bit is clear, and its sub-chunks
 * begin where its inline fields end, which the walk finds by following the encodings of SPEC §4
 * over the data. A sub-chunk code that a field declares (SPEC §4) is known inside its parent
 * only, where its data is the declared struct's fields ({@link #inside}).
 *
 * <pre>{@code
 * ChunkEditor editor =
 *     ChunkEditor.of(Signature.CHUNKSTATE, Layouts.of(registry.descriptions()));
 * }</pre>
 *
 * <p>The walk reads what decides where the inline fields end — counts and presence bytes — and
 * checks each against the bytes left before it moves on, so no input makes it read past the data
 * or loop longer than the data is long. It decodes no value: a boolean's byte, a string's UTF-8 or
 * an enum constant's name is left to the codecs. Every problem is a {@link ChunkStreamException}
 * at the chunk's offset and path: {@code LENGTH} if the data ends inside the inline fields or a
 * count is larger than the data could hold, {@code DATA} for a presence byte other than {@code 00}
 * or {@code 01}. Immutable.
 */
public final class Layouts implements ChunkEditor.Structure {
  private final Map<ChunkType, List<FieldDescription>> inlineFields;

  /** The structs of the codes the fields of this structure's parent declare; none at the top. */
  private final Map<ChunkType, List<FieldDescription>> declared;

  /** What is known inside a chunk of each type whose fields declare codes; null inside one. */
  private final Map<ChunkType, Layouts> insides;

  /** The structure at the top level, where no code is declared. */
  private final Layouts root;

  private Layouts(
      Map<ChunkType, List<FieldDescription>> inlineFields,
      Map<ChunkType, List<FieldDescription>> declared,
      Map<ChunkType, Layouts> insides,
      Layouts root) {
    this.inlineFields = inlineFields;
    this.declared = declared;
    this.insides = insides;
    this.root = root == null ? this : root;
  }

  /**
   * The structure of {@code types}.
   *
   * @throws IllegalArgumentException if two descriptions have the same code
   */
  public static Layouts of(Collection<TypeDescription> types) {
    Map<ChunkType, List<FieldDescription>> fields = new HashMap<>();
    Map<ChunkType, Map<ChunkType, List<FieldDescription>>> declared = new HashMap<>();
    for (TypeDescription type : types) {
      if (fields.put(type.type(), type.fields()) != null) {
        throw new IllegalArgumentException("two descriptions of " + type.type().code());
      }
      for (SubChunkField sub : type.subChunks()) {
        if (sub.declared()) {
          declared
              .computeIfAbsent(type.type(), t -> new HashMap<>())
              .put(sub.type(), sub.struct().fields());
        }
      }
    }
    Map<ChunkType, Layouts> insides = new HashMap<>();
    // Filled below, and never changed once this method returns.
    Layouts root =
        new Layouts(Map.copyOf(fields), Map.of(), Collections.unmodifiableMap(insides), null);
    for (Map.Entry<ChunkType, Map<ChunkType, List<FieldDescription>>> parent :
        declared.entrySet()) {
      insides.put(
          parent.getKey(),
          new Layouts(root.inlineFields, Map.copyOf(parent.getValue()), null, root));
    }
    return root;
  }

  /** Whether a description of {@code type} was given and its reserved bit is clear. */
  @Override
  public boolean knows(ChunkType type) {
    return !type.isReservedBitSet()
        && (declared.containsKey(type) || inlineFields.containsKey(type));
  }

  /**
   * What is known inside a chunk of type {@code parent}: the codes its fields declare mean their
   * structs there (SPEC §4); inside such a struct's sub-chunk, no code is declared.
   */
  @Override
  public Layouts inside(ChunkType parent) {
    if (declared.containsKey(parent)) {
      return root;
    }
    Layouts inside = root.insides.get(parent);
    return inside == null ? root : inside;
  }

  /**
   * The length of the inline fields at the start of {@code chunk}'s data, found by walking them.
   *
   * @throws ChunkStreamException {@code LENGTH} if the data ends inside them or a count is larger
   *     than the data could hold, {@code DATA} for a presence byte other than {@code 00} or {@code
   *     01}
   * @throws IllegalArgumentException if the chunk's type is not known
   */
  @Override
  public int inlineLength(RawChunk chunk, String path) throws ChunkStreamException {
    List<FieldDescription> fields = declared.get(chunk.type());
    if (fields == null) {
      fields = inlineFields.get(chunk.type());
    }
    if (fields == null || !knows(chunk.type())) {
      throw new IllegalArgumentException("no layout of " + chunk.type().code() + " is known");
    }
    Walk walk = new Walk(chunk.dataBuffer(), chunk.offset(), path);
    try {
      walk.fields(fields);
    } catch (Failure failure) {
      throw failure.error;
    }
    return walk.pos;
  }

  /** Carries a {@link ChunkStreamException} out of a visitor, whose methods throw none. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ChunkStreamException error;

    Failure(ChunkStreamException error) {
      super(null, null, false, false);
      this.error = error;
    }
  }

  /** The fewest bytes one value of a wire type takes: the bound of a count. */
  private static final WireType.Visitor<Integer> MIN_BYTES =
      new WireType.Visitor<>() {
        @Override
        public Integer primitive(WireType.Primitive type) {
          return type.width();
        }

        @Override
        public Integer boxed(WireType.Boxed type) {
          return 1; // null: the presence byte alone
        }

        @Override
        public Integer text(WireType.Text type) {
          return 4;
        }

        @Override
        public Integer enumType(WireType.EnumType type) {
          return 4;
        }

        @Override
        public Integer enumValue(WireType.EnumValueType type) {
          return 1; // null: the presence byte alone
        }

        @Override
        public Integer sequence(WireType.Sequence type) {
          return 4;
        }

        @Override
        public Integer struct(WireType.Struct type) {
          return 1;
        }
      };

  /** A cursor that steps over inline values in one chunk's data. */
  private static final class Walk implements WireType.Visitor<Void> {
    private static final int NULL_COUNT = -1;

    private final ByteBuffer data;
    private final long offset;
    private final String path;
    private int pos;

    Walk(ByteBuffer data, long offset, String path) {
      this.data = data;
      this.offset = offset;
      this.path = path;
    }

    void fields(List<FieldDescription> fields) {
      for (FieldDescription field : fields) {
        field.wire().accept(this);
      }
    }

    private int left() {
      return data.limit() - pos;
    }

    private void skip(long n, String what) {
      if (left() < n) {
        throw new Failure(
            Errors.length(
                offset,
                path,
                "the data ends inside " + what + ": " + n + " bytes needed, " + left() + " left"
                    + Errors.layoutHint(path)));
      }
      pos += (int) n;
    }

    private boolean presence() {
      skip(1, "a presence byte");
      int b = data.get(pos - 1) & 0xff;
      if (b > 1) {
        throw new Failure(
            Errors.data(
                offset,
                path,
                String.format(
                    "a presence byte must be 00 or 01, found %02x at data byte %d", b, pos - 1)));
      }
      return b == 1;
    }

    /** A count of values of at least {@code minBytes} each, checked against the bytes left. */
    private int count(int minBytes) {
      skip(4, "a count");
      int raw = data.getInt(pos - 4);
      if (raw == NULL_COUNT) {
        return 0;
      }
      if (raw < 0) {
        throw new Failure(
            Errors.length(
                offset,
                path,
                "count " + Integer.toUnsignedString(raw) + " exceeds the limit of 2^31-1"));
      }
      long needed = (long) raw * minBytes;
      if (needed > left()) {
        throw new Failure(
            Errors.length(
                offset,
                path,
                "count " + raw + " needs at least " + needed + " bytes, but only " + left()
                    + " are left"));
      }
      return raw;
    }

    @Override
    public Void primitive(WireType.Primitive type) {
      skip(type.width(), "a " + type.keyword());
      return null;
    }

    @Override
    public Void boxed(WireType.Boxed type) {
      if (presence()) {
        type.primitive().accept(this);
      }
      return null;
    }

    @Override
    public Void text(WireType.Text type) {
      skip(count(1), "a string");
      return null;
    }

    @Override
    public Void enumType(WireType.EnumType type) {
      skip(count(1), "an enum constant's name");
      return null;
    }

    @Override
    public Void enumValue(WireType.EnumValueType type) {
      if (presence()) {
        skip(4, "an enum constant's value");
      }
      return null;
    }

    @Override
    public Void sequence(WireType.Sequence type) {
      WireType element = type.element();
      int n = count(element.accept(MIN_BYTES));
      if (element instanceof WireType.Primitive primitive) {
        skip((long) n * primitive.width(), "a sequence");
      } else {
        for (int i = 0; i < n; i++) {
          element.accept(this);
        }
      }
      return null;
    }

    @Override
    public Void struct(WireType.Struct type) {
      if (presence()) {
        fields(type.fields());
      }
      return null;
    }
  }
}

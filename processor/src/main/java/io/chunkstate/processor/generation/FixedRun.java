package io.chunkstate.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive fixed-width fields of a state, written as one run: {@code int at =
 * out.reserve(30)} checks the writer's capacity once, then each field is set at an offset fixed
 * here, with its name in a trailing comment: {@code out.setInt(at + 6, state.i()); // i}. {@link
 * FieldDecoder#readAll} reads such a run back the same way.
 */
final class FixedRun {
  private final CodeBlock.Builder code;
  private final NameAllocator names;
  private final String state;
  private final String out;
  private final FieldEncoder encoder;
  private final List<FieldModel> fields = new ArrayList<>();
  private final List<WireType.Primitive> types = new ArrayList<>();

  /**
   * @param state the local that holds the state
   * @param out the local that holds the {@code WireWriter}
   * @param encoder what writes a run of one field
   */
  FixedRun(
      CodeBlock.Builder code,
      NameAllocator names,
      String state,
      String out,
      FieldEncoder encoder) {
    this.code = code;
    this.names = names;
    this.state = state;
    this.out = out;
    this.encoder = encoder;
  }

  /** The primitive of {@code field} if it has a fixed width on the wire; null otherwise. */
  static WireType.Primitive fixedWidth(FieldModel field) {
    return field.type().accept(FIXED_WIDTH);
  }

  /** Adds {@code field} to the run if it has a fixed width, and says whether it had. */
  boolean add(FieldModel field) {
    WireType.Primitive type = fixedWidth(field);
    if (type != null) {
      fields.add(field);
      types.add(type);
    }
    return type != null;
  }

  /** Writes the run, if any, and empties it: a single field on its own, more as one run. */
  void write() {
    if (fields.size() == 1) {
      encoder.write(types.get(0), StateCode.get(state, fields.get(0)), fields.get(0).name());
    } else if (fields.size() > 1) {
      String at = names.newName("at");
      code.addStatement("int $N = $N.reserve($L)", at, out, width(types));
      int offset = 0;
      for (int i = 0; i < fields.size(); i++) {
        WireType.Primitive type = types.get(i);
        // The offsets say nothing of which field is where: a trailing comment names it.
        code.add(
            "$N.set$L($L, $L); // $L\n",
            out,
            type.methodSuffix(),
            index(at, offset),
            StateCode.get(state, fields.get(i)),
            fields.get(i).name());
        offset += type.minBytes();
      }
    }
    fields.clear();
    types.clear();
  }

  /** The bytes a run of values of {@code types} takes. */
  static int width(List<WireType.Primitive> types) {
    int width = 0;
    for (WireType.Primitive type : types) {
      width += type.minBytes();
    }
    return width;
  }

  /** The index of the value {@code offset} bytes into the run whose first byte is at {@code at}. */
  static CodeBlock index(String at, int offset) {
    return offset == 0 ? CodeBlock.of("$N", at) : CodeBlock.of("$N + $L", at, offset);
  }

  /** The primitive of a fixed-width wire type; null for every other. */
  private static final WireType.Visitor<WireType.Primitive> FIXED_WIDTH =
      new WireType.Visitor<>() {
        @Override
        public WireType.Primitive visitPrimitive(WireType.Primitive type) {
          return type;
        }

        @Override
        public WireType.Primitive visitBoxed(WireType.Boxed type) {
          return null; // a presence byte, then the value only when present
        }

        @Override
        public WireType.Primitive visitText(WireType.Text type) {
          return null;
        }

        @Override
        public WireType.Primitive visitEnum(WireType.EnumType type) {
          return null;
        }

        @Override
        public WireType.Primitive visitPrimitiveArray(WireType.PrimitiveArray type) {
          return null;
        }

        @Override
        public WireType.Primitive visitBits(WireType.Bits type) {
          return null;
        }

        @Override
        public WireType.Primitive visitArrayOf(WireType.ArrayOf type) {
          return null;
        }

        @Override
        public WireType.Primitive visitListOf(WireType.ListOf type) {
          return null;
        }

        @Override
        public WireType.Primitive visitStruct(WireType.Struct type) {
          return null; // a presence byte, then the fields only when present
        }

        @Override
        public WireType.Primitive visitSubChunk(WireType.SubChunk type) {
          return null;
        }

        @Override
        public WireType.Primitive visitSubChunkList(WireType.SubChunkList type) {
          return null;
        }

        @Override
        public WireType.Primitive visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
          return null;
        }
      };
}

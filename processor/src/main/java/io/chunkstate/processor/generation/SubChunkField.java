package io.chunkstate.processor.generation;

import com.palantir.javapoet.CodeBlock;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;

/**
 * What a sub-chunk field holds, whichever of the two sub-chunk wire types it has.
 *
 * @param type the {@code @Chunk} type of the sub-chunks
 * @param code their type code
 * @param list whether the field is a {@code List} or an array of them, rather than one
 * @param array whether the field is an array of them
 * @param mutable whether the sub-chunks are instances of a class, which {@code apply} restores in
 *     place: the one of a single field, or each element of a list of the same size
 * @param struct for a struct field that declares its own code ({@code @SubChunk}), the struct,
 *     whose inline fields are the sub-chunk's data; null for a {@code @Chunk} type's sub-chunks
 * @param layout for a {@code @Chunk} record of primitives, its fields, which the codec reads in
 *     place; null for any other type
 */
public record SubChunkField(
    JavaName type,
    String code,
    boolean list,
    boolean array,
    boolean mutable,
    ClassModel struct,
    WireType.FixedLayout layout) {

  /** The sub-chunks of {@code field}, which must travel as sub-chunks. */
  public static SubChunkField of(FieldModel field) {
    SubChunkField subChunk = field.type().accept(OF);
    if (subChunk == null) {
      throw new IllegalArgumentException("not a sub-chunk field: " + field);
    }
    return subChunk;
  }

  /** The sub-chunks of {@code type}; null for an inline type. */
  private static final WireType.Visitor<SubChunkField> OF =
      new WireType.Visitor<>() {
        @Override
        public SubChunkField visitPrimitive(WireType.Primitive type) {
          return null;
        }

        @Override
        public SubChunkField visitBoxed(WireType.Boxed type) {
          return null;
        }

        @Override
        public SubChunkField visitText(WireType.Text type) {
          return null;
        }

        @Override
        public SubChunkField visitEnum(WireType.EnumType type) {
          return null;
        }

        @Override
        public SubChunkField visitPrimitiveArray(WireType.PrimitiveArray type) {
          return null;
        }

        @Override
        public SubChunkField visitBits(WireType.Bits type) {
          return null;
        }

        @Override
        public SubChunkField visitArrayOf(WireType.ArrayOf type) {
          return null;
        }

        @Override
        public SubChunkField visitListOf(WireType.ListOf type) {
          return null;
        }

        @Override
        public SubChunkField visitStruct(WireType.Struct type) {
          return null;
        }

        @Override
        public SubChunkField visitSubChunk(WireType.SubChunk type) {
          return new SubChunkField(
              type.type(), type.code(), false, false, type.mutable(), null, type.layout());
        }

        @Override
        public SubChunkField visitSubChunkList(WireType.SubChunkList type) {
          return new SubChunkField(
              type.type(), type.code(), true, type.array(), type.mutable(), null, type.layout());
        }

        @Override
        public SubChunkField visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
          return new SubChunkField(
              type.type().name(), type.code(), false, false, false, type.type(), null);
        }
      };

  /**
   * Whether the codec reads the sub-chunks in place, and builds their records itself (not to be
   * confused with {@link FieldModel#inPlace()}, a final array filled in place).
   */
  boolean readsInPlace() {
    return layout != null;
  }

  /** Whether the field declares its own code, and its sub-chunk holds a struct's fields. */
  boolean declared() {
    return struct != null;
  }

  /** The number of elements of the list or array in the local {@code local}. */
  CodeBlock size(String local) {
    return CodeBlock.of(array ? "$N.length" : "$N.size()", local);
  }

  /** The element at index {@code i} of the list or array in the local {@code local}. */
  CodeBlock get(String local, String i) {
    return CodeBlock.of(array ? "$N[$N]" : "$N.get($N)", local, i);
  }
}

package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;

/**
 * The {@code @Chunk} type and code of a field that travels as sub-chunks: what rule 10 compares,
 * and what a chunk depends on.
 */
record SubChunkUse(JavaName type, String code) {

  /** The sub-chunks of {@code wire}; null for an inline type. */
  static SubChunkUse of(WireType wire) {
    return wire.accept(OF);
  }

  private static final WireType.Visitor<SubChunkUse> OF =
      new WireType.Visitor<>() {
        @Override
        public SubChunkUse visitPrimitive(WireType.Primitive type) {
          return null;
        }

        @Override
        public SubChunkUse visitBoxed(WireType.Boxed type) {
          return null;
        }

        @Override
        public SubChunkUse visitText(WireType.Text type) {
          return null;
        }

        @Override
        public SubChunkUse visitEnum(WireType.EnumType type) {
          return null;
        }

        @Override
        public SubChunkUse visitPrimitiveArray(WireType.PrimitiveArray type) {
          return null;
        }

        @Override
        public SubChunkUse visitBits(WireType.Bits type) {
          return null;
        }

        @Override
        public SubChunkUse visitArrayOf(WireType.ArrayOf type) {
          return null;
        }

        @Override
        public SubChunkUse visitListOf(WireType.ListOf type) {
          return null;
        }

        @Override
        public SubChunkUse visitStruct(WireType.Struct type) {
          return null;
        }

        @Override
        public SubChunkUse visitSubChunk(WireType.SubChunk type) {
          return new SubChunkUse(type.type(), type.code());
        }

        @Override
        public SubChunkUse visitSubChunkList(WireType.SubChunkList type) {
          return new SubChunkUse(type.type(), type.code());
        }

        @Override
        public SubChunkUse visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
          return new SubChunkUse(type.type().name(), type.code());
        }
      };
}

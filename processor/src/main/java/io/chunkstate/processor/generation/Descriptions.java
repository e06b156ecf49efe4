package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.javaType;

import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.WireType;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The descriptions of the runtime's schema package ({@link TypeDescription}) for the processor's
 * model: what the generated codecs return, what the registry file lists, and what fingerprints are
 * taken of. The model says how to generate a codec; the description says what the type is.
 */
public final class Descriptions implements WireType.Visitor<io.chunkstate.schema.WireType> {
  private static final Descriptions INSTANCE = new Descriptions();

  private Descriptions() {}

  /** The description of a chunk type. */
  public static TypeDescription of(ChunkModel chunk) {
    ClassModel type = chunk.type();
    List<io.chunkstate.schema.SubChunkField> subChunks = new ArrayList<>();
    for (FieldModel field : type.subChunkFields()) {
      SubChunkField use = SubChunkField.of(field);
      subChunks.add(
          use.declared()
              ? io.chunkstate.schema.SubChunkField.declared(
                  field.name(), ChunkType.of(use.code()), struct(use.struct()))
              : new io.chunkstate.schema.SubChunkField(
                  field.name(), ChunkType.of(use.code()), use.type().binaryName(), use.list()));
    }
    return new TypeDescription(
        ChunkType.of(chunk.code()),
        type.name().binaryName(),
        fields(type),
        subChunks,
        chunk.restore().key());
  }

  /** The description of a struct type, as the wire type of a field that holds one. */
  public static io.chunkstate.schema.WireType.Struct struct(ClassModel struct) {
    return new io.chunkstate.schema.WireType.Struct(struct.name().binaryName(), fields(struct));
  }

  private static List<FieldDescription> fields(ClassModel type) {
    List<FieldDescription> fields = new ArrayList<>();
    for (FieldModel field : type.inlineFields()) {
      fields.add(
          new FieldDescription(
              field.name(),
              field.type().accept(INSTANCE),
              javaType(field.type()).toString(),
              field.unsigned(),
              field.fixedLength()));
    }
    return fields;
  }

  @Override
  public io.chunkstate.schema.WireType visitPrimitive(WireType.Primitive type) {
    return primitive(type);
  }

  private static io.chunkstate.schema.WireType.Primitive primitive(WireType.Primitive type) {
    return io.chunkstate.schema.WireType.Primitive.valueOf(type.name());
  }

  @Override
  public io.chunkstate.schema.WireType visitBoxed(WireType.Boxed type) {
    return new io.chunkstate.schema.WireType.Boxed(primitive(type.primitive()));
  }

  @Override
  public io.chunkstate.schema.WireType visitText(WireType.Text type) {
    return io.chunkstate.schema.WireType.TEXT;
  }

  @Override
  public io.chunkstate.schema.WireType visitEnum(WireType.EnumType type) {
    if (type.byValue()) {
      return new io.chunkstate.schema.WireType.EnumValueType(
          type.name().binaryName(), type.constants(), type.values());
    }
    return new io.chunkstate.schema.WireType.EnumType(type.name().binaryName(), type.constants());
  }

  @Override
  public io.chunkstate.schema.WireType visitPrimitiveArray(WireType.PrimitiveArray type) {
    return new io.chunkstate.schema.WireType.Sequence(primitive(type.element()));
  }

  @Override
  public io.chunkstate.schema.WireType visitBits(WireType.Bits type) {
    return new io.chunkstate.schema.WireType.Sequence(io.chunkstate.schema.WireType.Primitive.LONG);
  }

  @Override
  public io.chunkstate.schema.WireType visitArrayOf(WireType.ArrayOf type) {
    return new io.chunkstate.schema.WireType.Sequence(type.element().accept(this));
  }

  @Override
  public io.chunkstate.schema.WireType visitListOf(WireType.ListOf type) {
    return new io.chunkstate.schema.WireType.Sequence(type.element().accept(this));
  }

  @Override
  public io.chunkstate.schema.WireType visitStruct(WireType.Struct type) {
    return struct(type.type());
  }

  @Override
  public io.chunkstate.schema.WireType visitSubChunk(WireType.SubChunk type) {
    throw new IllegalArgumentException("a sub-chunk is described beside the inline fields");
  }

  @Override
  public io.chunkstate.schema.WireType visitSubChunkList(WireType.SubChunkList type) {
    throw new IllegalArgumentException("a sub-chunk is described beside the inline fields");
  }

  @Override
  public io.chunkstate.schema.WireType visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
    throw new IllegalArgumentException("a sub-chunk is described beside the inline fields");
  }
}

package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.RuntimeTypes.CHUNK_TYPE;
import static io.chunkstate.processor.generation.RuntimeTypes.FIELD_DESCRIPTION;
import static io.chunkstate.processor.generation.RuntimeTypes.SCHEMA_WIRE_TYPE;
import static io.chunkstate.processor.generation.RuntimeTypes.SUB_CHUNK_FIELD;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.WireType;
import java.util.List;

/** The source code that builds a description again at run time, expression by expression. */
final class DescriptionCode implements WireType.Visitor<CodeBlock> {
  private static final ClassName PRIMITIVE = SCHEMA_WIRE_TYPE.nestedClass("Primitive");
  private static final DescriptionCode INSTANCE = new DescriptionCode();

  private DescriptionCode() {}

  /** {@code FieldDescription.of("id", WireType.Primitive.INT, "int")}. */
  static CodeBlock field(FieldDescription field) {
    CodeBlock wire = field.wire().accept(INSTANCE);
    if (!field.unsigned() && field.fixedLength() < 0) {
      return CodeBlock.of(
          "$T.of($S, $L, $S)", FIELD_DESCRIPTION, field.name(), wire, field.javaType());
    }
    return CodeBlock.of(
        "new $T($S, $L, $S, $L, $L)",
        FIELD_DESCRIPTION,
        field.name(),
        wire,
        field.javaType(),
        field.unsigned(),
        field.fixedLength());
  }

  /**
   * {@code new SubChunkField("msix", ChunkType.of("MsXs"), "p.MsixState", false)}, or {@code
   * SubChunkField.declared("rx", ChunkType.of("rxFf"), new WireType.Struct(…))}.
   */
  static CodeBlock subChunk(SubChunkField field) {
    if (field.declared()) {
      return CodeBlock.of(
          "$T.declared($S, $T.of($S), $L)",
          SUB_CHUNK_FIELD,
          field.name(),
          CHUNK_TYPE,
          field.type().code(),
          INSTANCE.struct(field.struct()));
    }
    return CodeBlock.of(
        "new $T($S, $T.of($S), $S, $L)",
        SUB_CHUNK_FIELD,
        field.name(),
        CHUNK_TYPE,
        field.type().code(),
        field.className(),
        field.list());
  }

  /** {@code List.of(a, b, c)}, one element a line. */
  static CodeBlock listOf(List<CodeBlock> elements) {
    if (elements.isEmpty()) {
      return CodeBlock.of("$T.of()", JavaTypes.LIST);
    }
    return CodeBlock.builder()
        .add("$T.of(\n$>", JavaTypes.LIST)
        .add(CodeBlock.join(elements, ",\n"))
        .add(")$<")
        .build();
  }

  @Override
  public CodeBlock primitive(WireType.Primitive type) {
    return CodeBlock.of("$T.$L", PRIMITIVE, type.name());
  }

  @Override
  public CodeBlock boxed(WireType.Boxed type) {
    return CodeBlock.of(
        "new $T($L)", SCHEMA_WIRE_TYPE.nestedClass("Boxed"), primitive(type.primitive()));
  }

  @Override
  public CodeBlock text(WireType.Text type) {
    return CodeBlock.of("$T.TEXT", SCHEMA_WIRE_TYPE);
  }

  @Override
  public CodeBlock enumType(WireType.EnumType type) {
    return CodeBlock.of(
        "new $T($S, $L)",
        SCHEMA_WIRE_TYPE.nestedClass("EnumType"),
        type.className(),
        CodeBlock.of(
            "$T.of($L)",
            JavaTypes.LIST,
            CodeBlock.join(type.constants().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", ")));
  }

  @Override
  public CodeBlock enumValue(WireType.EnumValueType type) {
    return CodeBlock.of(
        "new $T($S,$W$T.of($L),$W$T.of($L))",
        SCHEMA_WIRE_TYPE.nestedClass("EnumValueType"),
        type.className(),
        JavaTypes.LIST,
        CodeBlock.join(type.constants().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", "),
        JavaTypes.LIST,
        CodeBlock.join(type.values().stream().map(v -> CodeBlock.of("$L", v)).toList(), ", "));
  }

  @Override
  public CodeBlock sequence(WireType.Sequence type) {
    return CodeBlock.of(
        "new $T($L)", SCHEMA_WIRE_TYPE.nestedClass("Sequence"), type.element().accept(this));
  }

  @Override
  public CodeBlock struct(WireType.Struct type) {
    return CodeBlock.of(
        "new $T($S, $L)",
        SCHEMA_WIRE_TYPE.nestedClass("Struct"),
        type.className(),
        listOf(type.fields().stream().map(DescriptionCode::field).toList()));
  }
}

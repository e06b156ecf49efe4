package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.WireType;
import javax.lang.model.SourceVersion;

/** Writes one inline value with a {@code WireWriter}: the statements of SPEC §4 for its type. */
final class FieldEncoder {
  private final CodeBlock.Builder code;
  private NameAllocator names;
  private final String out;
  private final CodecNames codec;

  FieldEncoder(CodeBlock.Builder code, NameAllocator names, String out, CodecNames codec) {
    this.code = code;
    this.names = names;
    this.out = out;
    this.codec = codec;
  }

  /**
   * Writes field {@code field} of a {@code owner}, whose value {@code expression} is evaluated
   * once; a value of another length than the field declares is refused before it is written.
   */
  void write(FieldModel field, CodeBlock expression, String owner) {
    if (!field.hasFixedLength()) {
      write(field.type(), expression, field.name());
      return;
    }
    String local = local(field.type(), expression, field.name());
    StateCode.checkFixedLength(
        code,
        names,
        field,
        local,
        length ->
            CodeBlock.of(
                "$N($S, $L, $L)",
                StateCode.FIXED_LENGTH_REFUSAL,
                owner + "." + field.name(),
                field.fixedLength(),
                length));
    write(field.type(), CodeBlock.of("$N", local), field.name());
  }

  /** Writes the value of {@code expression}, which is evaluated once. */
  void write(WireType type, CodeBlock expression, String hint) {
    type.accept(new Value(expression, hint));
  }

  /** The statements that write one value. */
  private final class Value implements WireType.Visitor<Void> {
    private final CodeBlock expression;
    private final String hint;

    Value(CodeBlock expression, String hint) {
      this.expression = expression;
      this.hint = hint;
    }

    @Override
    public Void visitPrimitive(WireType.Primitive type) {
      code.addStatement("$N.write$L($L)", out, type.methodSuffix(), expression);
      return null;
    }

    @Override
    public Void visitBoxed(WireType.Boxed type) {
      String helper = WireHelpers.boxed(type);
      if (helper != null) {
        code.addStatement("$N.writeBoxed$L($L)", out, helper, expression);
        return null;
      }
      String local = local(type);
      code.beginControlFlow("if ($N.writePresence($N))", out, local)
          .addStatement("$N.write$L($N)", out, type.primitive().methodSuffix(), local)
          .endControlFlow();
      return null;
    }

    @Override
    public Void visitText(WireType.Text type) {
      code.addStatement("$N.writeString($L)", out, expression);
      return null;
    }

    @Override
    public Void visitEnum(WireType.EnumType type) {
      if (type.byValue()) {
        code.addStatement(
            "$N.writeEnumValue($L, $N, $N)",
            out,
            expression,
            codec.enumConstant(type.name()),
            codec.enumValues(type.name()));
      } else {
        code.addStatement(
            "$N.writeEnum($L, $N)", out, expression, codec.enumNames(type.name()));
      }
      return null;
    }

    @Override
    public Void visitPrimitiveArray(WireType.PrimitiveArray type) {
      code.addStatement("$N.write$Ls($L)", out, type.element().methodSuffix(), expression);
      return null;
    }

    @Override
    public Void visitBits(WireType.Bits type) {
      String local = local(type);
      code.addStatement(
          "$N.writeLongs($N == null ? null : $N.toLongArray())", out, local, local);
      return null;
    }

    @Override
    public Void visitArrayOf(WireType.ArrayOf type) {
      writeElements(type.element(), local(type), "$N.length", "$N[$N]");
      return null;
    }

    @Override
    public Void visitListOf(WireType.ListOf type) {
      String helper = WireHelpers.list(type);
      if (helper != null) {
        code.addStatement("$N.write$LList($L)", out, helper, expression);
        return null;
      }
      writeElements(type.element(), local(type), "$N.size()", "$N.get($N)");
      return null;
    }

    @Override
    public Void visitStruct(WireType.Struct type) {
      String local = local(type);
      code.beginControlFlow("if ($N.writePresence($N))", out, local);
      NameAllocator outer = names;
      names = names.clone(); // the block's locals end with it
      for (FieldModel field : type.type().fields()) {
        write(field, StateCode.get(local, field), type.type().name().simpleName());
      }
      names = outer;
      code.endControlFlow();
      return null;
    }

    @Override
    public Void visitSubChunk(WireType.SubChunk type) {
      throw new AssertionError("not an inline type: " + type);
    }

    @Override
    public Void visitSubChunkList(WireType.SubChunkList type) {
      throw new AssertionError("not an inline type: " + type);
    }

    @Override
    public Void visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
      throw new AssertionError("not an inline type: " + type);
    }

    private String local(WireType type) {
      return FieldEncoder.this.local(type, expression, hint);
    }
  }

  /** The name of a local holding the value, declared unless the expression is a name already. */
  private String local(WireType type, CodeBlock expression, String hint) {
    String text = expression.toString();
    if (SourceVersion.isIdentifier(text)) {
      return text;
    }
    String local = names.newName(hint);
    code.addStatement("$T $N = $L", javaType(type), local, expression);
    return local;
  }

  private void writeElements(WireType element, String local, String size, String get) {
    NameAllocator outer = names;
    names = names.clone(); // the loop's locals end with it
    String i = names.newName("i");
    code.beginControlFlow("if ($N == null)", local)
        .addStatement("$N.writeCount(-1)", out)
        .nextControlFlow("else")
        .addStatement("$N.writeCount(" + size + ")", out, local)
        .beginControlFlow("for (int $N = 0; $N < " + size + "; $N++)", i, i, local, i);
    write(element, CodeBlock.of(get, local, i), "element");
    code.endControlFlow().endControlFlow();
    names = outer;
  }
}

package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one inline value with a {@code WireReader} into a new local: one checked read for most
 * types, a count and a loop for an array or list, a call of the codec's reader for a struct.
 */
final class FieldDecoder {
  private final CodeBlock.Builder code;
  private NameAllocator names;
  private final String in;
  private final CodecNames codec;
  private final Expression expression = new Expression();

  /** The field being read, as {@code Type.field}, which an error of its values names. */
  private String field = "";

  FieldDecoder(CodeBlock.Builder code, NameAllocator names, String in, CodecNames codec) {
    this.code = code;
    this.names = names;
    this.in = in;
    this.codec = codec;
  }

  /**
   * Reads field {@code field} of a {@code owner} and returns the expression of its value: the new
   * local that holds it, or for a {@code float} or {@code double} the value of the local that
   * holds its bits ({@link FloatBits}); a count other than the length the field declares is a
   * {@code DATA} error.
   */
  CodeBlock read(FieldModel field, String owner) {
    this.field = owner + "." + field.name();
    String local =
        read(FloatBits.readAs(field.type()), FloatBits.local(field.name(), field.type()));
    if (field.hasFixedLength()) {
      StateCode.checkFixedLength(
          code,
          names,
          field,
          local,
          length ->
              CodeBlock.of(
                  "$N.dataError($N($S, $L, $L))",
                  in,
                  StateCode.FIXED_LENGTH_MISMATCH,
                  owner + "." + field.name(),
                  field.fixedLength(),
                  length));
    }
    return FloatBits.value(field.type(), local);
  }

  /**
   * Reads {@code fields} of a {@code owner}, in order, and returns the expressions of their values,
   * at the same index, as {@link #read(FieldModel, String)} gives them. Consecutive fixed-width
   * fields are read as one run, as {@link FixedRun} writes them: {@code int at = in.take(30)}
   * checks the bytes left once, then each field is read at an offset fixed here: {@code int i =
   * in.getInt(at + 6)}.
   */
  List<CodeBlock> readAll(List<FieldModel> fields, String owner) {
    List<CodeBlock> locals = new ArrayList<>();
    int from = 0;
    while (from < fields.size()) {
      int to = from;
      while (to < fields.size() && FixedRun.fixedWidth(fields.get(to)) != null) {
        to++;
      }
      if (to - from > 1) {
        readRun(fields.subList(from, to), locals);
        from = to;
      } else {
        locals.add(read(fields.get(from), owner));
        from++;
      }
    }
    return locals;
  }

  /** Reads a run of fixed-width fields with one check of the bytes left. */
  private void readRun(List<FieldModel> run, List<CodeBlock> locals) {
    List<WireType.Primitive> types = new ArrayList<>();
    for (FieldModel field : run) {
      types.add(FixedRun.fixedWidth(field));
    }
    String at = names.newName("at");
    code.addStatement("int $N = $N.take($L)", at, in, FixedRun.width(types));
    int offset = 0;
    for (int i = 0; i < run.size(); i++) {
      WireType.Primitive type = types.get(i);
      WireType.Primitive read = FloatBits.readAs(type);
      String local = names.newName(FloatBits.local(run.get(i).name(), type));
      code.addStatement(
          "$T $N = $N.get$L($L)",
          javaType(read),
          local,
          in,
          read.methodSuffix(),
          FixedRun.index(at, offset));
      locals.add(FloatBits.value(type, local));
      offset += type.minBytes();
    }
  }

  /** Reads a value of {@code type} and returns the name of the new local that holds it. */
  String read(WireType type, String hint) {
    CodeBlock simple = type.accept(expression);
    String local = names.newName(hint);
    if (simple != null) {
      code.addStatement("$T $N = $L", javaType(type), local, simple);
      return local;
    }
    code.addStatement("$T $N", javaType(type), local);
    type.accept(new Elements(local));
    return local;
  }

  /**
   * An expression that reads a value of one call; null for an array, a bitmap or a list the
   * runtime has no helper for, which take more.
   */
  private final class Expression implements WireType.Visitor<CodeBlock> {
    @Override
    public CodeBlock visitPrimitive(WireType.Primitive type) {
      return CodeBlock.of("$N.read$L()", in, type.methodSuffix());
    }

    @Override
    public CodeBlock visitBoxed(WireType.Boxed type) {
      String helper = WireHelpers.boxed(type);
      if (helper != null) {
        return CodeBlock.of("$N.readBoxed$L()", in, helper);
      }
      return CodeBlock.of(
          "$N.readPresence() ? $N.read$L() : null", in, in, type.primitive().methodSuffix());
    }

    @Override
    public CodeBlock visitText(WireType.Text type) {
      return CodeBlock.of("$N.readString()", in);
    }

    @Override
    public CodeBlock visitEnum(WireType.EnumType type) {
      if (type.byValue()) {
        return CodeBlock.of(
            "$N.readEnumValue($N, $N, $S)",
            in,
            codec.enumConstant(type.name()),
            codec.enumValues(type.name()),
            field);
      }
      return CodeBlock.of(
          "$N.readEnum($N, $N)", in, codec.enumConstant(type.name()), codec.enumNames(type.name()));
    }

    @Override
    public CodeBlock visitPrimitiveArray(WireType.PrimitiveArray type) {
      return CodeBlock.of("$N.read$Ls()", in, type.element().methodSuffix());
    }

    @Override
    public CodeBlock visitBits(WireType.Bits type) {
      return null;
    }

    @Override
    public CodeBlock visitArrayOf(WireType.ArrayOf type) {
      return null;
    }

    @Override
    public CodeBlock visitListOf(WireType.ListOf type) {
      String helper = WireHelpers.list(type);
      return helper == null ? null : CodeBlock.of("$N.read$LList()", in, helper);
    }

    @Override
    public CodeBlock visitStruct(WireType.Struct type) {
      return CodeBlock.of("$N($N)", codec.structReader(type.type()), in);
    }

    @Override
    public CodeBlock visitSubChunk(WireType.SubChunk type) {
      throw new AssertionError("not an inline type: " + type);
    }

    @Override
    public CodeBlock visitSubChunkList(WireType.SubChunkList type) {
      throw new AssertionError("not an inline type: " + type);
    }

    @Override
    public CodeBlock visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
      throw new AssertionError("not an inline type: " + type);
    }
  }

  /** Reads an array, a list or a bitmap into the declared, unassigned local {@code target}. */
  private final class Elements implements WireType.Visitor<Void> {
    private final String target;

    Elements(String target) {
      this.target = target;
    }

    @Override
    public Void visitArrayOf(WireType.ArrayOf type) {
      readElements(type.element(), target, true);
      return null;
    }

    @Override
    public Void visitListOf(WireType.ListOf type) {
      readElements(type.element(), target, false);
      return null;
    }

    @Override
    public Void visitPrimitive(WireType.Primitive type) {
      return readByExpression(type);
    }

    @Override
    public Void visitBoxed(WireType.Boxed type) {
      return readByExpression(type);
    }

    @Override
    public Void visitText(WireType.Text type) {
      return readByExpression(type);
    }

    @Override
    public Void visitEnum(WireType.EnumType type) {
      return readByExpression(type);
    }

    @Override
    public Void visitPrimitiveArray(WireType.PrimitiveArray type) {
      return readByExpression(type);
    }

    @Override
    public Void visitBits(WireType.Bits type) {
      String words = names.newName(target + "Words");
      code.addStatement("long[] $N = $N.readLongs()", words, in)
          .addStatement(
              "$N = $N == null ? null : $T.valueOf($N)", target, words, JavaTypes.BIT_SET, words);
      return null;
    }

    @Override
    public Void visitStruct(WireType.Struct type) {
      return readByExpression(type);
    }

    @Override
    public Void visitSubChunk(WireType.SubChunk type) {
      return readByExpression(type);
    }

    @Override
    public Void visitSubChunkList(WireType.SubChunkList type) {
      return readByExpression(type);
    }

    @Override
    public Void visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
      return readByExpression(type);
    }

    private Void readByExpression(WireType type) {
      throw new AssertionError("not an array or list: " + type);
    }
  }

  /**
   * Reads a count, checked against the bytes left at the element's smallest size, then the
   * elements into a new array or {@code ArrayList}.
   */
  private void readElements(WireType element, String target, boolean array) {
    String count = names.newName(target + "Count");
    NameAllocator outer = names;
    names = names.clone(); // the loop's locals end with it
    String i = names.newName("i");
    code.addStatement("int $N = $N.readCount($L)", count, in, element.minBytes())
        .beginControlFlow("if ($N < 0)", count)
        .addStatement("$N = null", target)
        .nextControlFlow("else");
    if (array) {
      code.addStatement("$N = $L", target, newArray(javaType(element), count));
    } else {
      code.addStatement("$N = new $T<>($N)", target, JavaTypes.ARRAY_LIST, count);
    }
    code.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, count, i);
    CodeBlock simple = element.accept(expression);
    if (simple == null) {
      simple = CodeBlock.of("$N", read(element, "element"));
    }
    if (array) {
      code.addStatement("$N[$N] = $L", target, i, simple);
    } else {
      code.addStatement("$N.add($L)", target, simple);
    }
    code.endControlFlow().endControlFlow();
    names = outer;
  }

  /** The creation of an array of {@code count} {@code element}s: {@code new int[count][]}. */
  private static CodeBlock newArray(TypeName element, String count) {
    TypeName base = element;
    int dimensions = 0;
    while (base instanceof ArrayTypeName a) {
      base = a.componentType();
      dimensions++;
    }
    return CodeBlock.of("new $T[$N]$L", base, count, "[]".repeat(dimensions));
  }
}

package io.chunkstate.processor.generation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.util.List;

/** The Java types that generated code names: those of the schema, and those of the JDK. */
final class JavaTypes implements WireType.Visitor<TypeName> {
  static final ClassName STRING = ClassName.get("java.lang", "String");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
  static final ClassName RUNTIME_EXCEPTION = ClassName.get("java.lang", "RuntimeException");
  static final ClassName ERROR = ClassName.get("java.lang", "Error");
  static final ClassName THROWABLE = ClassName.get("java.lang", "Throwable");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName OBJECT = ClassName.get("java.lang", "Object");
  static final ClassName SYSTEM = ClassName.get("java.lang", "System");
  static final ClassName BIT_SET = ClassName.get("java.util", "BitSet");
  static final ClassName ILLEGAL_ARGUMENT =
      ClassName.get("java.lang", "IllegalArgumentException");
  static final ClassName STANDARD_CHARSETS =
      ClassName.get("java.nio.charset", "StandardCharsets");

  /** The JDK types every codec may name, besides those of its schema. */
  static final List<ClassName> JDK =
      List.of(
          STRING,
          LIST,
          ARRAY_LIST,
          OPTIONAL,
          OVERRIDE,
          GENERATED,
          ClassName.get(Boolean.class),
          ClassName.get(Byte.class),
          ClassName.get(Short.class),
          ClassName.get(Character.class),
          ClassName.get(Integer.class),
          ClassName.get(Long.class),
          ClassName.get(Float.class),
          ClassName.get(Double.class),
          RUNTIME_EXCEPTION,
          ERROR,
          THROWABLE,
          OBJECT,
          SYSTEM,
          BIT_SET,
          ILLEGAL_ARGUMENT,
          STANDARD_CHARSETS);

  private static final JavaTypes INSTANCE = new JavaTypes();

  private JavaTypes() {}

  /** The JavaPoet name of {@code name}. */
  static ClassName className(JavaName name) {
    List<String> simple = name.simpleNames();
    return ClassName.get(
        name.packageName(), simple.get(0), simple.subList(1, simple.size()).toArray(new String[0]));
  }

  /** The Java type of a field that travels as {@code type}. */
  static TypeName javaType(WireType type) {
    return type.accept(INSTANCE);
  }

  @Override
  public TypeName visitPrimitive(WireType.Primitive type) {
    return switch (type) {
      case BOOLEAN -> TypeName.BOOLEAN;
      case BYTE -> TypeName.BYTE;
      case SHORT -> TypeName.SHORT;
      case CHAR -> TypeName.CHAR;
      case INT -> TypeName.INT;
      case LONG -> TypeName.LONG;
      case FLOAT -> TypeName.FLOAT;
      case DOUBLE -> TypeName.DOUBLE;
    };
  }

  @Override
  public TypeName visitBoxed(WireType.Boxed type) {
    return visitPrimitive(type.primitive()).box();
  }

  @Override
  public TypeName visitText(WireType.Text type) {
    return STRING;
  }

  @Override
  public TypeName visitEnum(WireType.EnumType type) {
    return className(type.name());
  }

  @Override
  public TypeName visitPrimitiveArray(WireType.PrimitiveArray type) {
    return ArrayTypeName.of(visitPrimitive(type.element()));
  }

  @Override
  public TypeName visitBits(WireType.Bits type) {
    return BIT_SET;
  }

  @Override
  public TypeName visitArrayOf(WireType.ArrayOf type) {
    return ArrayTypeName.of(javaType(type.element()));
  }

  @Override
  public TypeName visitListOf(WireType.ListOf type) {
    return ParameterizedTypeName.get(LIST, javaType(type.element()));
  }

  @Override
  public TypeName visitStruct(WireType.Struct type) {
    return className(type.type().name());
  }

  @Override
  public TypeName visitSubChunk(WireType.SubChunk type) {
    return className(type.type());
  }

  @Override
  public TypeName visitSubChunkList(WireType.SubChunkList type) {
    return type.array()
        ? ArrayTypeName.of(className(type.type()))
        : ParameterizedTypeName.get(LIST, className(type.type()));
  }

  @Override
  public TypeName visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
    return className(type.type().name());
  }
}

package io.chunkstate.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link ChunkModel} into the source of its codec: a straight line of writes for {@code
 * encode}; for {@code decode}, a straight line of checked reads into locals, the loop over
 * sub-chunks, then the state built in a {@code try} that turns its refusal into a {@code DATA}
 * error (each struct is read and built by a method of its own, so that its refusal names it); for
 * a class, {@code apply}, which copies a decoded instance into a live one. No I/O: the processor
 * writes the file.
 */
public final class CodecGenerator {
  private static final String RUNTIME = "io.chunkstate";
  private static final ClassName CHUNK_CODEC = ClassName.get(RUNTIME, "ChunkCodec");
  private static final ClassName CHUNK_TYPE = ClassName.get(RUNTIME, "ChunkType");
  private static final ClassName WIRE_WRITER = ClassName.get(RUNTIME + ".wire", "WireWriter");
  private static final ClassName WIRE_READER = ClassName.get(RUNTIME + ".wire", "WireReader");
  private static final ClassName STREAM_EXCEPTION = ClassName.get(RUNTIME, "ChunkStreamException");
  private static final ClassName STRING = ClassName.get("java.lang", "String");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName OVERRIDE = ClassName.get("java.lang", "Override");
  private static final ClassName RUNTIME_EXCEPTION = ClassName.get("java.lang", "RuntimeException");
  private static final ClassName ERROR = ClassName.get("java.lang", "Error");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  /** The types every codec may name, besides those of its schema. */
  private static final List<ClassName> FIXED_TYPES =
      List.of(
          CHUNK_CODEC,
          CHUNK_TYPE,
          WIRE_WRITER,
          WIRE_READER,
          STREAM_EXCEPTION,
          STRING,
          LIST,
          ARRAY_LIST,
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
          ERROR);

  /** The most code, in {@link #weight} units, that one generated method holds per part. */
  static final int PART_WEIGHT = 1500;

  /** How many fields one method of a split codec sets. */
  static final int FIELDS_PER_SET = 1000;

  private final String generatorName;
  private final boolean generatedAnnotation;

  /**
   * @param generatorName the value of the {@code @Generated} annotation
   * @param generatedAnnotation whether to add {@code @Generated}: only when the compilation can
   *     see {@code javax.annotation.processing.Generated}
   */
  public CodecGenerator(String generatorName, boolean generatedAnnotation) {
    this.generatorName = generatorName;
    this.generatedAnnotation = generatedAnnotation;
  }

  /**
   * The codec source for {@code chunk}.
   *
   * @param javaLangShadowed whether the chunk's package holds a type named like one of {@code
   *     java.lang} (a {@code String}, an {@code Override}, a {@code Class}): such a type hides the
   *     {@code java.lang} one from every file of the package that does not import it, so the
   *     codec then imports the {@code java.lang} types it uses, as it imports all others
   */
  public JavaFile generate(ChunkModel chunk, boolean javaLangShadowed) {
    return new Writer(chunk).file(javaLangShadowed);
  }

  /** The JavaPoet name of {@code name}. */
  static ClassName className(JavaName name) {
    List<String> simple = name.simpleNames();
    return ClassName.get(
        name.packageName(), simple.get(0), simple.subList(1, simple.size()).toArray(new String[0]));
  }

  /** The Java type of a field that travels as {@code type}. */
  static TypeName javaType(WireType type) {
    if (type instanceof WireType.Primitive p) {
      return primitive(p);
    } else if (type instanceof WireType.Boxed b) {
      return primitive(b.primitive()).box();
    } else if (type instanceof WireType.Text) {
      return STRING;
    } else if (type instanceof WireType.EnumType e) {
      return className(e.name());
    } else if (type instanceof WireType.PrimitiveArray a) {
      return ArrayTypeName.of(primitive(a.element()));
    } else if (type instanceof WireType.ArrayOf a) {
      return ArrayTypeName.of(javaType(a.element()));
    } else if (type instanceof WireType.ListOf l) {
      return ParameterizedTypeName.get(LIST, javaType(l.element()));
    } else if (type instanceof WireType.Struct s) {
      return className(s.type().name());
    } else if (type instanceof WireType.SubChunk s) {
      return className(s.type());
    } else if (type instanceof WireType.SubChunkList s) {
      return ParameterizedTypeName.get(LIST, className(s.type()));
    }
    throw new AssertionError(type);
  }

  private static TypeName primitive(WireType.Primitive p) {
    return switch (p) {
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

  /** One codec being written. */
  private final class Writer {
    private final ChunkModel chunk;
    private final ClassModel type;
    private final ClassName state;
    private final ClassName codec;
    private final String typeConstant;
    private final Map<FieldModel, String> codecConstants = new LinkedHashMap<>();
    /** The enums the schema reads, by qualified name, and the constants that hold their values. */
    private final Map<String, JavaName> enums = new LinkedHashMap<>();
    private final Map<String, String> enumConstants = new LinkedHashMap<>();
    /** The structs the schema reads, by qualified name, in the order of first use. */
    private final Map<String, ClassModel> structs = new LinkedHashMap<>();
    /** The private method that reads each struct, by the struct's qualified name. */
    private final Map<String, String> structReaders = new LinkedHashMap<>();
    /** Names a local must not take: the constants, and the simple names of the types used. */
    private final Set<String> reserved = new TreeSet<>();
    /**
     * Whether the fields are read and written by several methods rather than one: a method's
     * code may not exceed 64 KiB, and a state with thousands of fields needs more.
     */
    private final boolean split;
    /** The class that carries decoded values between the methods of a split codec. */
    private final ClassName holderName;
    /** The local that holds the holder in the method that decodes. */
    private String holderLocal;
    /** The private methods of a split codec. */
    private final List<MethodSpec> helpers = new ArrayList<>();

    Writer(ChunkModel chunk) {
      this.chunk = chunk;
      this.type = chunk.type();
      this.state = className(type.name());
      this.codec = className(chunk.codecName());
      for (ClassName used : FIXED_TYPES) {
        reserved.add(used.simpleName());
      }
      reserved.add(codec.simpleName());
      addTypeNames(type);
      NameAllocator constants = newNames();
      this.typeConstant = constants.newName("TYPE");
      for (FieldModel field : type.subChunkFields()) {
        codecConstants.put(field, constants.newName(upperSnake(subChunkType(field).simpleName())));
      }
      for (JavaName e : enums.values()) {
        enumConstants.put(
            e.qualifiedName(), constants.newName(upperSnake(e.simpleName()) + "_CONSTANTS"));
      }
      reserved.add(typeConstant);
      reserved.addAll(codecConstants.values());
      reserved.addAll(enumConstants.values());
      int weight = 0;
      for (FieldModel field : type.fields()) {
        weight += weight(field.type());
      }
      this.split = weight > PART_WEIGHT;
      // Struct readers are named read<Struct>: only a split codec's readPart<i> could clash.
      NameAllocator methods = new NameAllocator();
      for (int i = 0; split && i < parts(type.inlineFields()).size(); i++) {
        methods.newName("readPart" + i);
      }
      for (ClassModel struct : structs.values()) {
        structReaders.put(
            struct.name().qualifiedName(),
            methods.newName("read" + String.join("", struct.name().simpleNames())));
      }
      this.holderName = codec.nestedClass(constants.newName("Values"));
      reserved.add(holderName.simpleName());
    }

    /**
     * An allocator for one method's locals. A local named like a constant or a type would hide
     * it: {@code Color Color} makes {@code Color.RED} a read of the local.
     */
    private NameAllocator newNames() {
      NameAllocator names = new NameAllocator();
      for (String name : reserved) {
        names.newName(name);
      }
      return names;
    }

    private void addTypeNames(ClassModel model) {
      reserved.add(className(model.name()).topLevelClassName().simpleName());
      for (FieldModel field : model.fields()) {
        addTypeNames(field.type());
      }
    }

    private void addTypeNames(WireType wire) {
      if (wire instanceof WireType.Struct s) {
        structs.putIfAbsent(s.type().name().qualifiedName(), s.type());
        addTypeNames(s.type());
      } else if (wire instanceof WireType.ArrayOf a) {
        addTypeNames(a.element());
      } else if (wire instanceof WireType.ListOf l) {
        addTypeNames(l.element());
      } else if (wire instanceof WireType.EnumType e) {
        reserved.add(className(e.name()).topLevelClassName().simpleName());
        enums.putIfAbsent(e.name().qualifiedName(), e.name());
      } else if (wire instanceof WireType.SubChunk || wire instanceof WireType.SubChunkList) {
        reserved.add(className(subChunkTypeOf(wire)).topLevelClassName().simpleName());
        reserved.add(className(subChunkTypeOf(wire).codecName()).simpleName());
      }
    }

    JavaFile file(boolean javaLangShadowed) {
      ChunkType chunkType = ChunkType.of(chunk.code());
      TypeSpec.Builder spec =
          TypeSpec.classBuilder(codec)
              .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
              .addSuperinterface(ParameterizedTypeName.get(CHUNK_CODEC, state))
              .addJavadoc(
                  "Reads and writes {@link $T} as chunk type {@code $L}: $L.\n",
                  state,
                  chunk.code(),
                  chunkType.properties());
      if (type.construction() == ClassModel.Construction.MUTABLE_CLASS) {
        spec.addJavadoc(
            "\n<p>{@code decodeInto} restores a live instance all or nothing: the chunk is decoded\n"
                + "into a new one, where every setter runs, then applied to the live one.\n");
      }
      if (generatedAnnotation) {
        spec.addAnnotation(
            AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build());
      }
      spec.addField(
          FieldSpec.builder(
                  CHUNK_TYPE, typeConstant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$T.of($S)", CHUNK_TYPE, chunk.code())
              .build());
      for (JavaName e : enums.values()) {
        ClassName enumClass = className(e);
        spec.addField(
            FieldSpec.builder(
                    ArrayTypeName.of(enumClass),
                    enumConstants.get(e.qualifiedName()),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("$T.values()", enumClass)
                .build());
      }
      for (Map.Entry<FieldModel, String> constant : codecConstants.entrySet()) {
        ClassName subCodec = className(subChunkType(constant.getKey()).codecName());
        spec.addField(
            FieldSpec.builder(
                    subCodec,
                    constant.getValue(),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("new $T()", subCodec)
                .build());
      }
      spec.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc("Creates the codec; {@link java.util.ServiceLoader} calls this.\n")
              .build());
      spec.addMethod(
          override("type").returns(CHUNK_TYPE).addStatement("return $N", typeConstant).build());
      spec.addMethod(
          override("stateClass")
              .returns(ParameterizedTypeName.get(ClassName.get(Class.class), state))
              .addStatement("return $T.class", state)
              .build());
      spec.addMethod(encode());
      if (type.construction() == ClassModel.Construction.RECORD) {
        spec.addMethod(decodeRecord());
      } else {
        spec.addMethod(decodeClass());
        spec.addMethod(
            override("canDecodeInto").returns(TypeName.BOOLEAN).addStatement("return true").build());
        spec.addMethod(apply());
      }
      for (ClassModel struct : structs.values()) {
        spec.addMethod(structReader(struct));
      }
      spec.addMethods(helpers);
      if (split) {
        spec.addType(holder());
      }
      // An import shadows a type of the file's own package (JLS 6.4.1), so every type the codec
      // names from another package means what the codec means, whatever the package holds.
      return JavaFile.builder(codec.packageName(), spec.build())
          .skipJavaLangImports(!javaLangShadowed)
          .addFileComment(
              "Generated by chunkstate from $L. Do not edit.", type.name().qualifiedName())
          .build();
    }

    // ---- encode ----

    private MethodSpec encode() {
      NameAllocator names = newNames();
      String value = names.newName("state");
      String out = names.newName("out");
      CodeBlock.Builder code = CodeBlock.builder();
      List<FieldModel> ordered = new ArrayList<>(type.inlineFields());
      ordered.addAll(type.subChunkFields());
      if (!split) {
        writeFields(code, names, value, out, ordered);
      } else {
        List<List<FieldModel>> parts = parts(ordered);
        for (int i = 0; i < parts.size(); i++) {
          NameAllocator partNames = newNames();
          String partValue = partNames.newName("state");
          String partOut = partNames.newName("out");
          CodeBlock.Builder part = CodeBlock.builder();
          writeFields(part, partNames, partValue, partOut, parts.get(i));
          String method = "encodePart" + i;
          helpers.add(
              MethodSpec.methodBuilder(method)
                  .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                  .addParameter(state, partValue)
                  .addParameter(WIRE_WRITER, partOut)
                  .addCode(part.build())
                  .build());
          code.addStatement("$N($N, $N)", method, value, out);
        }
      }
      return override("encode")
          .addParameter(state, value)
          .addParameter(WIRE_WRITER, out)
          .addCode(code.build())
          .build();
    }

    /** Writes {@code fields}, inline ones first, of the state in local {@code value}. */
    private void writeFields(
        CodeBlock.Builder code,
        NameAllocator names,
        String value,
        String out,
        List<FieldModel> fields) {
      Encoder encoder = new Encoder(code, names, out);
      List<FieldModel> run = new ArrayList<>();
      for (FieldModel field : fields) {
        if (field.isSubChunk()) {
          continue;
        }
        if (field.type() instanceof WireType.Primitive) {
          run.add(field);
          continue;
        }
        writeRun(code, names, value, out, run, encoder);
        encoder.write(field.type(), read(value, field), field.name());
      }
      writeRun(code, names, value, out, run, encoder);
      for (FieldModel field : fields) {
        if (!field.isSubChunk()) {
          continue;
        }
        String constant = codecConstants.get(field);
        String local = names.newName(field.name());
        code.addStatement("$T $N = $L", javaType(field.type()), local, read(value, field));
        code.beginControlFlow("if ($N != null)", local);
        if (field.type() instanceof WireType.SubChunk) {
          code.addStatement("$N.writeChunk($N, $N)", out, constant, local);
        } else {
          String i = names.newName("i");
          String element = names.newName("element");
          code.beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", i, i, local, i)
              .addStatement(
                  "$T $N = $N.get($N)", className(subChunkType(field)), element, local, i)
              .beginControlFlow("if ($N == null)", element)
              .addStatement(
                  "throw $N.nullSubChunk($S, $N)",
                  out,
                  type.name().simpleName() + "." + field.name(),
                  i)
              .endControlFlow()
              .addStatement("$N.writeChunk($N, $N)", out, constant, element)
              .endControlFlow();
        }
        code.endControlFlow();
      }
    }

    /**
     * Writes consecutive primitive fields and empties {@code run}: two or more as one reserved run
     * of bytes, set at offsets fixed here, so that the writer checks its capacity once.
     */
    private void writeRun(
        CodeBlock.Builder code,
        NameAllocator names,
        String value,
        String out,
        List<FieldModel> run,
        Encoder encoder) {
      if (run.size() == 1) {
        encoder.write(run.get(0).type(), read(value, run.get(0)), run.get(0).name());
      } else if (run.size() > 1) {
        int width = 0;
        for (FieldModel field : run) {
          width += field.type().minBytes();
        }
        String at = names.newName("at");
        code.addStatement("int $N = $N.reserve($L)", at, out, width);
        int offset = 0;
        for (FieldModel field : run) {
          WireType.Primitive p = (WireType.Primitive) field.type();
          CodeBlock index =
              offset == 0 ? CodeBlock.of("$N", at) : CodeBlock.of("$N + $L", at, offset);
          code.addStatement("$N.set$L($L, $L)", out, p.methodSuffix(), index, read(value, field));
          offset += p.minBytes();
        }
      }
      run.clear();
    }

    // ---- decode ----

    private MethodSpec decodeRecord() {
      NameAllocator names = newNames();
      String in = names.newName("in");
      CodeBlock.Builder code = CodeBlock.builder();
      List<CodeBlock> values = readAll(code, names, in);
      code.add(
          refusalsAreDataErrors(
              CodeBlock.of("return new $T($L);\n", state, arguments(values)), names, in, type));
      return override("decode")
          .returns(state)
          .addParameter(WIRE_READER, in)
          .addException(STREAM_EXCEPTION)
          .addCode(code.build())
          .build();
    }

    /**
     * Decodes a class into a new instance: everything is read and checked first, then the
     * instance is built with its constructor and setters, whose refusals are {@code DATA} errors.
     */
    private MethodSpec decodeClass() {
      NameAllocator names = newNames();
      String in = names.newName("in");
      CodeBlock.Builder code = CodeBlock.builder();
      List<CodeBlock> values = readAll(code, names, in);
      CodeBlock construction;
      if (!split) {
        construction = construction(type, values, names);
      } else {
        // The values live in the holder: each part sets its share of the fields from it.
        String value = names.newName("value");
        CodeBlock.Builder build =
            CodeBlock.builder().addStatement("$T $N = new $T()", state, value, state);
        List<List<FieldModel>> parts = setParts();
        for (int part = 0; part < parts.size(); part++) {
          NameAllocator partNames = newNames();
          String partTarget = partNames.newName("target");
          String partValues = partNames.newName("values");
          MethodSpec.Builder method =
              MethodSpec.methodBuilder("setPart" + part)
                  .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                  .addParameter(state, partTarget)
                  .addParameter(holderName, partValues);
          for (FieldModel field : parts.get(part)) {
            method.addStatement(
                "$L", assign(partTarget, field, CodeBlock.of("$N.$N", partValues, field.name())));
          }
          helpers.add(method.build());
          build.addStatement("setPart$L($N, $N)", part, value, holderLocal);
        }
        construction = build.addStatement("return $N", value).build();
      }
      code.add(refusalsAreDataErrors(construction, names, in, type));
      return override("decode")
          .returns(state)
          .addParameter(WIRE_READER, in)
          .addException(STREAM_EXCEPTION)
          .addCode(code.build())
          .build();
    }

    /** The fields of a split class in the consecutive shares that one method sets or applies. */
    private List<List<FieldModel>> setParts() {
      List<FieldModel> fields = type.fields();
      List<List<FieldModel>> parts = new ArrayList<>();
      for (int from = 0; from < fields.size(); from += FIELDS_PER_SET) {
        parts.add(fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SET)));
      }
      return parts;
    }

    /**
     * Copies every field of a freshly decoded instance into the target, through the same field
     * or setter the decoder uses; {@code decodeInto} is {@code apply(decode(in), target)}. A
     * nested mutable chunk that both hold is applied in place, so that references to the
     * target's stay valid; everything else is assigned, arrays and lists shared with the decoded
     * instance, which is thrown away.
     */
    private MethodSpec apply() {
      NameAllocator names = newNames();
      String decoded = names.newName("decoded");
      String target = names.newName("target");
      CodeBlock.Builder code = CodeBlock.builder();
      if (!split) {
        copyFields(code, names, decoded, target, type.fields());
      } else {
        List<List<FieldModel>> parts = setParts();
        for (int part = 0; part < parts.size(); part++) {
          NameAllocator partNames = newNames();
          String partDecoded = partNames.newName("decoded");
          String partTarget = partNames.newName("target");
          CodeBlock.Builder partCode = CodeBlock.builder();
          copyFields(partCode, partNames, partDecoded, partTarget, parts.get(part));
          helpers.add(
              MethodSpec.methodBuilder("applyPart" + part)
                  .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                  .addParameter(state, partDecoded)
                  .addParameter(state, partTarget)
                  .addCode(partCode.build())
                  .build());
          code.addStatement("applyPart$L($N, $N)", part, decoded, target);
        }
      }
      return override("apply")
          .addParameter(state, decoded)
          .addParameter(state, target)
          .addCode(code.build())
          .build();
    }

    private void copyFields(
        CodeBlock.Builder code,
        NameAllocator names,
        String decoded,
        String target,
        List<FieldModel> fields) {
      for (FieldModel field : fields) {
        if (!(field.type() instanceof WireType.SubChunk s) || !s.mutable()) {
          code.addStatement("$L", assign(target, field, read(decoded, field)));
          continue;
        }
        TypeName fieldType = javaType(field.type());
        String value = names.newName(field.name());
        String live = names.newName("target" + capitalized(field.name()));
        code.addStatement("$T $N = $L", fieldType, value, read(decoded, field))
            .addStatement("$T $N = $L", fieldType, live, read(target, field))
            .beginControlFlow("if ($N != null && $N != null)", value, live)
            .addStatement("$N.apply($N, $N)", codecConstants.get(field), value, live)
            .nextControlFlow("else")
            .addStatement("$L", assign(target, field, CodeBlock.of("$N", value)))
            .endControlFlow();
      }
    }

    /**
     * {@code body} in a {@code try} that turns whatever the state's own code throws — a record's
     * compact constructor or a setter that refuses a decoded value, an {@code assert} included —
     * into a {@code DATA} error: whatever the bytes, a reader throws only {@code
     * ChunkStreamException} (SPEC §5). {@code WireReader.refused} rethrows a {@code
     * VirtualMachineError}, which is no refusal.
     */
    private CodeBlock refusalsAreDataErrors(
        CodeBlock body, NameAllocator names, String in, ClassModel refuser) {
      String e = names.newName("e");
      return CodeBlock.builder()
          .beginControlFlow("try")
          .add(body)
          .nextControlFlow("catch ($T | $T $N)", RUNTIME_EXCEPTION, ERROR, e)
          .addStatement("throw $N.refused($S, $N)", in, refuser.name().qualifiedName(), e)
          .endControlFlow()
          .build();
    }

    /**
     * Reads every field, the inline fields in order and then the sub-chunks, and returns the
     * expressions that hold their values, in field order: locals, or for a split codec the
     * fields of the holder.
     */
    private List<CodeBlock> readAll(CodeBlock.Builder code, NameAllocator names, String in) {
      Map<FieldModel, CodeBlock> values = new LinkedHashMap<>();
      if (!split) {
        Decoder decoder = new Decoder(code, names, in, enumConstants, structReaders);
        for (FieldModel field : type.inlineFields()) {
          values.put(field, CodeBlock.of("$N", decoder.read(field.type(), field.name())));
        }
        for (FieldModel field : type.subChunkFields()) {
          String local = names.newName(field.name());
          if (field.type() instanceof WireType.SubChunk) {
            code.addStatement("$T $N = null", javaType(field.type()), local);
          } else {
            code.addStatement("$T $N = new $T<>()", javaType(field.type()), local, ARRAY_LIST);
          }
          values.put(field, CodeBlock.of("$N", local));
        }
      } else {
        holderLocal = names.newName("values");
        code.addStatement("$T $N = new $T()", holderName, holderLocal, holderName);
        List<List<FieldModel>> parts = parts(type.inlineFields());
        for (int i = 0; i < parts.size(); i++) {
          helpers.add(readPart(i, parts.get(i)));
          code.addStatement("readPart$L($N, $N)", i, in, holderLocal);
        }
        for (FieldModel field : type.fields()) {
          values.put(field, CodeBlock.of("$N.$N", holderLocal, field.name()));
        }
      }
      String sub = names.newName("sub");
      code.beginControlFlow("while ($N.hasRemaining())", in);
      if (type.subChunkFields().isEmpty()) {
        code.addStatement("$N.skipUnknown($N.nextSubChunk())", in, in);
      } else {
        code.addStatement("$T $N = $N.nextSubChunk()", WIRE_READER, sub, in);
        code.beginControlFlow("switch ($N.typeValue())", sub);
        for (FieldModel field : type.subChunkFields()) {
          String code4 = subChunkCode(field);
          CodeBlock value = values.get(field);
          String constant = codecConstants.get(field);
          code.add("case $L -> { // $L\n", hexValue(code4), code4).indent();
          if (field.type() instanceof WireType.SubChunk) {
            code.beginControlFlow("if ($L != null)", value)
                .addStatement("throw $N.duplicateSubChunk($N)", in, sub)
                .endControlFlow()
                .addStatement("$L = $N.decode($N)", value, constant, sub);
          } else {
            code.addStatement("$L.add($N.decode($N))", value, constant, sub);
          }
          code.unindent().add("}\n");
        }
        code.addStatement("default -> $N.skipUnknown($N)", in, sub);
        code.endControlFlow();
      }
      code.endControlFlow();
      List<CodeBlock> ordered = new ArrayList<>();
      for (FieldModel field : type.fields()) {
        ordered.add(values.get(field));
      }
      return ordered;
    }

    /**
     * The method that reads one struct: its presence byte, its fields, then the struct built from
     * them in a {@code try} of its own, so that a struct that refuses its values is named as the
     * one that refused, not the chunk around it.
     */
    private MethodSpec structReader(ClassModel struct) {
      NameAllocator names = newNames();
      String in = names.newName("in");
      ClassName structClass = className(struct.name());
      CodeBlock.Builder code =
          CodeBlock.builder()
              .beginControlFlow("if (!$N.readPresence())", in)
              .addStatement("return null")
              .endControlFlow();
      Decoder decoder = new Decoder(code, names, in, enumConstants, structReaders);
      List<CodeBlock> values = new ArrayList<>();
      for (FieldModel field : struct.fields()) {
        values.add(CodeBlock.of("$N", decoder.read(field.type(), field.name())));
      }
      code.add(refusalsAreDataErrors(construction(struct, values, names), names, in, struct));
      return MethodSpec.methodBuilder(structReaders.get(struct.name().qualifiedName()))
          .addJavadoc("Reads a {@link $T}: a presence byte, then its fields.\n", structClass)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(structClass)
          .addParameter(WIRE_READER, in)
          .addException(STREAM_EXCEPTION)
          .addCode(code.build())
          .build();
    }

    /** A method that reads one part of a split codec's inline fields into the holder. */
    private MethodSpec readPart(int index, List<FieldModel> fields) {
      NameAllocator names = newNames();
      String in = names.newName("in");
      String holder = names.newName("values");
      CodeBlock.Builder code = CodeBlock.builder();
      Decoder decoder = new Decoder(code, names, in, enumConstants, structReaders);
      List<String> locals = new ArrayList<>();
      for (FieldModel field : fields) {
        locals.add(decoder.read(field.type(), field.name()));
      }
      for (int i = 0; i < fields.size(); i++) {
        code.addStatement("$N.$N = $N", holder, fields.get(i).name(), locals.get(i));
      }
      return MethodSpec.methodBuilder("readPart" + index)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(WIRE_READER, in)
          .addParameter(holderName, holder)
          .addException(STREAM_EXCEPTION)
          .addCode(code.build())
          .build();
    }

    /** The holder of a split codec's decoded values, one field per state field. */
    private TypeSpec holder() {
      TypeSpec.Builder holder =
          TypeSpec.classBuilder(holderName)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc(
                  "The decoded fields of {@link $T}, carried between the methods that read them:"
                      + " the state has too many fields for one method.\n",
                  state);
      for (FieldModel field : type.fields()) {
        FieldSpec.Builder member = FieldSpec.builder(javaType(field.type()), field.name());
        if (field.type() instanceof WireType.SubChunkList) {
          member.initializer("new $T<>()", ARRAY_LIST);
        }
        holder.addField(member.build());
      }
      return holder.build();
    }
  }

  /**
   * The fields in consecutive parts whose code stays well below the JVM's 64 KiB per method:
   * each part weighs at most {@link #PART_WEIGHT}, or holds one field that weighs more.
   */
  static List<List<FieldModel>> parts(List<FieldModel> fields) {
    List<List<FieldModel>> parts = new ArrayList<>();
    List<FieldModel> part = new ArrayList<>();
    int weight = 0;
    for (FieldModel field : fields) {
      int w = weight(field.type());
      if (!part.isEmpty() && weight + w > PART_WEIGHT) {
        parts.add(part);
        part = new ArrayList<>();
        weight = 0;
      }
      part.add(field);
      weight += w;
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  /**
   * A rough measure of the code that reads or writes one value, in units of about ten bytes of
   * bytecode: a primitive, a string, an enum is one (a call), a struct is the sum of its fields.
   */
  static int weight(WireType type) {
    if (type instanceof WireType.Boxed) {
      return 2;
    } else if (type instanceof WireType.ArrayOf a) {
      return 6 + weight(a.element());
    } else if (type instanceof WireType.ListOf l) {
      return 6 + weight(l.element());
    } else if (type instanceof WireType.Struct s) {
      int sum = 4;
      for (FieldModel field : s.type().fields()) {
        sum += weight(field.type());
      }
      return sum;
    } else if (type instanceof WireType.SubChunk) {
      return 4;
    } else if (type instanceof WireType.SubChunkList) {
      return 8;
    }
    return 1; // a primitive, a string, an enum, a primitive array: one call
  }

  /** Writes values with a {@code WireWriter}. */
  private static final class Encoder {
    private final CodeBlock.Builder code;
    private NameAllocator names;
    private final String out;

    Encoder(CodeBlock.Builder code, NameAllocator names, String out) {
      this.code = code;
      this.names = names;
      this.out = out;
    }

    /** Writes the value of {@code expression}, which is evaluated once. */
    void write(WireType type, CodeBlock expression, String hint) {
      if (type instanceof WireType.Primitive p) {
        code.addStatement("$N.write$L($L)", out, p.methodSuffix(), expression);
      } else if (type instanceof WireType.Text) {
        code.addStatement("$N.writeString($L)", out, expression);
      } else if (type instanceof WireType.EnumType) {
        code.addStatement("$N.writeEnum($L)", out, expression);
      } else if (type instanceof WireType.PrimitiveArray a) {
        code.addStatement("$N.write$Ls($L)", out, a.element().methodSuffix(), expression);
      } else if (type instanceof WireType.Boxed b) {
        String local = local(type, expression, hint);
        code.beginControlFlow("if ($N.writePresence($N))", out, local)
            .addStatement("$N.write$L($N)", out, b.primitive().methodSuffix(), local)
            .endControlFlow();
      } else if (type instanceof WireType.ArrayOf a) {
        String local = local(type, expression, hint);
        writeElements(a.element(), local, "$N.length", "$N[$N]");
      } else if (type instanceof WireType.ListOf l) {
        String local = local(type, expression, hint);
        writeElements(l.element(), local, "$N.size()", "$N.get($N)");
      } else if (type instanceof WireType.Struct s) {
        String local = local(type, expression, hint);
        code.beginControlFlow("if ($N.writePresence($N))", out, local);
        NameAllocator outer = names;
        names = names.clone(); // the block's locals end with it
        for (FieldModel field : s.type().fields()) {
          write(field.type(), read(local, field), field.name());
        }
        names = outer;
        code.endControlFlow();
      } else {
        throw new AssertionError("not an inline type: " + type);
      }
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

    /** The name of a local holding {@code expression}, declared unless it is a name already. */
    private String local(WireType type, CodeBlock expression, String hint) {
      String text = expression.toString();
      if (SourceVersion.isIdentifier(text)) {
        return text;
      }
      String local = names.newName(hint);
      code.addStatement("$T $N = $L", javaType(type), local, expression);
      return local;
    }
  }

  /** Reads values with a {@code WireReader} into locals. */
  private static final class Decoder {
    private final CodeBlock.Builder code;
    private NameAllocator names;
    private final String in;
    private final Map<String, String> enumConstants;
    private final Map<String, String> structReaders;

    Decoder(
        CodeBlock.Builder code,
        NameAllocator names,
        String in,
        Map<String, String> enumConstants,
        Map<String, String> structReaders) {
      this.code = code;
      this.names = names;
      this.in = in;
      this.enumConstants = enumConstants;
      this.structReaders = structReaders;
    }

    /** Reads a value of {@code type} and returns the name of the new local that holds it. */
    String read(WireType type, String hint) {
      CodeBlock simple = simpleRead(type);
      String local = names.newName(hint);
      if (simple != null) {
        code.addStatement("$T $N = $L", javaType(type), local, simple);
        return local;
      }
      code.addStatement("$T $N", javaType(type), local);
      readInto(type, local);
      return local;
    }

    /** An expression that reads {@code type}, or null if reading it takes statements. */
    private CodeBlock simpleRead(WireType type) {
      if (type instanceof WireType.Primitive p) {
        return CodeBlock.of("$N.read$L()", in, p.methodSuffix());
      } else if (type instanceof WireType.Boxed b) {
        return CodeBlock.of(
            "$N.readPresence() ? $N.read$L() : null", in, in, b.primitive().methodSuffix());
      } else if (type instanceof WireType.Text) {
        return CodeBlock.of("$N.readString()", in);
      } else if (type instanceof WireType.PrimitiveArray a) {
        return CodeBlock.of("$N.read$Ls()", in, a.element().methodSuffix());
      } else if (type instanceof WireType.EnumType e) {
        String qualified = e.name().qualifiedName();
        return CodeBlock.of("$N.readEnum($N)", in, enumConstants.get(qualified));
      } else if (type instanceof WireType.Struct s) {
        return CodeBlock.of("$N($N)", structReaders.get(s.type().name().qualifiedName()), in);
      }
      return null;
    }

    /** Reads a value of {@code type} into the declared, unassigned local {@code target}. */
    private void readInto(WireType type, String target) {
      if (type instanceof WireType.ArrayOf a) {
        readElements(a.element(), target, true);
      } else if (type instanceof WireType.ListOf l) {
        readElements(l.element(), target, false);
      } else {
        throw new AssertionError("not an inline type: " + type);
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
        code.addStatement("$N = new $T<>($N)", target, ARRAY_LIST, count);
      }
      code.beginControlFlow("for (int $N = 0; $N < $N; $N++)", i, i, count, i);
      CodeBlock simple = simpleRead(element);
      if (simple != null) {
        if (array) {
          code.addStatement("$N[$N] = $L", target, i, simple);
        } else {
          code.addStatement("$N.add($L)", target, simple);
        }
      } else {
        String value = read(element, "element");
        if (array) {
          code.addStatement("$N[$N] = $N", target, i, value);
        } else {
          code.addStatement("$N.add($N)", target, value);
        }
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

  /**
   * Statements that build an instance of {@code type} from {@code values}, in field order, and
   * return it: the canonical constructor of a record; for a class, its no-argument constructor,
   * then each field set.
   */
  private static CodeBlock construction(
      ClassModel type, List<CodeBlock> values, NameAllocator names) {
    ClassName name = className(type.name());
    if (type.construction() == ClassModel.Construction.RECORD) {
      return CodeBlock.of("return new $T($L);\n", name, arguments(values));
    }
    String instance = names.newName("value");
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$T $N = new $T()", name, instance, name);
    for (int i = 0; i < values.size(); i++) {
      code.addStatement("$L", assign(instance, type.fields().get(i), values.get(i)));
    }
    return code.addStatement("return $N", instance).build();
  }

  /** The values as constructor arguments, wrapping where lines grow long. */
  private static CodeBlock arguments(List<CodeBlock> values) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      arguments.add(i == 0 ? "$L" : ",$W$L", values.get(i));
    }
    return arguments.build();
  }

  /** Reads {@code field} from the instance in local {@code owner}. */
  private static CodeBlock read(String owner, FieldModel field) {
    Access read = field.read();
    return read.kind() == Access.Kind.FIELD
        ? CodeBlock.of("$N.$N", owner, read.member())
        : CodeBlock.of("$N.$N()", owner, read.member());
  }

  /** Sets {@code field} of the instance in local {@code owner} to {@code value}. */
  private static CodeBlock assign(String owner, FieldModel field, CodeBlock value) {
    Access write = field.write();
    return switch (write.kind()) {
      case FIELD -> CodeBlock.of("$N.$N = $L", owner, write.member(), value);
      case METHOD -> CodeBlock.of("$N.$N($L)", owner, write.member(), value);
      case CONSTRUCTOR -> throw new AssertionError("a record component is set by its constructor");
    };
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(OVERRIDE).addModifiers(Modifier.PUBLIC);
  }

  private static JavaName subChunkType(FieldModel field) {
    return subChunkTypeOf(field.type());
  }

  private static JavaName subChunkTypeOf(WireType type) {
    if (type instanceof WireType.SubChunk s) {
      return s.type();
    } else if (type instanceof WireType.SubChunkList s) {
      return s.type();
    }
    throw new AssertionError("not a sub-chunk type: " + type);
  }

  private static String subChunkCode(FieldModel field) {
    if (field.type() instanceof WireType.SubChunk s) {
      return s.code();
    } else if (field.type() instanceof WireType.SubChunkList s) {
      return s.code();
    }
    throw new AssertionError("not a sub-chunk field: " + field);
  }

  /** The four bytes of a code as a hex literal for a {@code case} label: {@code 0x63684C64}. */
  static String hexValue(String code) {
    return String.format(Locale.ROOT, "0x%08X", ChunkType.of(code).value());
  }

  /** {@code level} → {@code Level}. */
  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code MsixState} → {@code MSIX_STATE}. */
  static String upperSnake(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camel.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}

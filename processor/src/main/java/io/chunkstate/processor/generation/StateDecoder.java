package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.FieldModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every field of the state in a codec's {@code decode}: the inline fields in order, each
 * checked as it is read, then the loop over the sub-chunks. Nothing is built here.
 */
final class StateDecoder {
  private final CodecNames codec;
  private final CodeBlock.Builder code;
  private final NameAllocator names;
  private final String in;
  private String holder;

  /** @param in the local that holds the {@code WireReader} */
  StateDecoder(CodecNames codec, CodeBlock.Builder code, NameAllocator names, String in) {
    this.codec = codec;
    this.code = code;
    this.names = names;
    this.in = in;
  }

  /**
   * Reads every field, the inline fields in order and then the sub-chunks, and returns the
   * expressions that hold their values, in field order: locals, or for a split codec the fields
   * of the holder.
   */
  List<CodeBlock> readAll() {
    Map<FieldModel, CodeBlock> values = codec.split ? readIntoHolder() : readIntoLocals();
    Map<FieldModel, CodeBlock> collected = new LinkedHashMap<>(values);
    for (FieldModel field : codec.type.subChunkFields()) {
      SubChunkField subChunk = SubChunkField.of(field);
      if (subChunk.array()) {
        String elements = names.newName(field.name() + "Elements");
        code.addStatement(
            "$T<$T> $N = new $T<>()",
            JavaTypes.LIST,
            JavaTypes.className(subChunk.type()),
            elements,
            JavaTypes.ARRAY_LIST);
        collected.put(field, CodeBlock.of("$N", elements));
      }
    }
    readSubChunks(collected);
    for (FieldModel field : codec.type.subChunkFields()) {
      SubChunkField subChunk = SubChunkField.of(field);
      if (subChunk.array()) {
        // An array field's sub-chunks, in stream order: an empty array when none came.
        CodeBlock array =
            CodeBlock.of(
                "$L.toArray(new $T[0])",
                collected.get(field),
                JavaTypes.className(subChunk.type()));
        if (codec.split) {
          code.addStatement("$L = $L", values.get(field), array);
        } else {
          code.addStatement("$T $L = $L", javaType(field.type()), values.get(field), array);
        }
      }
    }
    List<CodeBlock> ordered = new ArrayList<>();
    for (FieldModel field : codec.type.fields()) {
      ordered.add(values.get(field));
    }
    return ordered;
  }

  /** The local that holds the holder of a split codec's values, once {@link #readAll} ran. */
  String holder() {
    return holder;
  }

  private Map<FieldModel, CodeBlock> readIntoLocals() {
    Map<FieldModel, CodeBlock> values = new LinkedHashMap<>();
    FieldDecoder decoder = new FieldDecoder(code, names, in, codec);
    List<FieldModel> inline = codec.type.inlineFields();
    List<CodeBlock> read = decoder.readAll(inline, codec.type.name().simpleName());
    for (int i = 0; i < inline.size(); i++) {
      values.put(inline.get(i), read.get(i));
    }
    for (FieldModel field : codec.type.subChunkFields()) {
      String local = names.newName(field.name());
      SubChunkField subChunk = SubChunkField.of(field);
      if (subChunk.array()) {
        values.put(field, CodeBlock.of("$N", local)); // declared once the sub-chunks are read
        continue;
      }
      if (subChunk.list()) {
        code.addStatement(
            "$T $N = new $T<>()", javaType(field.type()), local, JavaTypes.ARRAY_LIST);
      } else {
        code.addStatement("$T $N = null", javaType(field.type()), local);
      }
      values.put(field, CodeBlock.of("$N", local));
    }
    return values;
  }

  /** Each part's method reads its share of the inline fields into the holder. */
  private Map<FieldModel, CodeBlock> readIntoHolder() {
    holder = names.newName("values");
    code.addStatement("$T $N = new $T()", codec.holder, holder, codec.holder);
    int parts = Parts.byWeight(codec.type.inlineFields()).size();
    for (int i = 0; i < parts; i++) {
      code.addStatement("readPart$L($N, $N)", i, in, holder);
    }
    Map<FieldModel, CodeBlock> values = new LinkedHashMap<>();
    for (FieldModel field : codec.type.fields()) {
      values.put(field, CodeBlock.of("$N.$N", holder, field.name()));
    }
    return values;
  }

  /**
   * The loop over the sub-chunks: a {@code switch} on the type, {@code in.duplicateSubChunk} for
   * a second one of a single field, {@code in.skipUnknown} for any other.
   */
  private void readSubChunks(Map<FieldModel, CodeBlock> values) {
    String sub = names.newName("sub");
    code.beginControlFlow("while ($N.hasRemaining())", in);
    if (codec.type.subChunkFields().isEmpty()) {
      code.addStatement("$N.skipUnknown($N.nextSubChunk())", in, in);
    } else {
      String at = null;
      for (FieldModel field : codec.type.subChunkFields()) {
        if (SubChunkField.of(field).readsInPlace()) {
          at = readInPlace(field, values.get(field), at);
        }
      }
      code.addStatement("$T $N = $N.nextSubChunk()", RuntimeTypes.WIRE_READER, sub, in);
      code.beginControlFlow("switch ($N.typeValue())", sub);
      for (FieldModel field : codec.type.subChunkFields()) {
        readSubChunk(field, values.get(field), sub);
      }
      code.addStatement("default -> $N.skipUnknown($N)", in, sub);
      code.endControlFlow();
    }
    code.endControlFlow();
  }

  /**
   * The sub-chunk at the reader's position, read in place if it is one of {@code field}, a record
   * of primitives, and its reader method builds it: then the loop goes on to the next. A second
   * sub-chunk for a single field, one of another length or damaged, and one the reader method
   * gives null for (a boolean byte other than 0 and 1) go on to {@code nextSubChunk}, whose reader
   * the record's own codec reads and which names the error. Returns the local that holds the
   * index, {@code at} or the one it declares if {@code at} is null.
   */
  private String readInPlace(FieldModel field, CodeBlock value, String at) {
    SubChunkField subChunk = SubChunkField.of(field);
    CodeBlock peek =
        CodeBlock.of(
            "$N.peekSubChunk($L, $L)", in, hexValue(subChunk.code()), subChunk.layout().length());
    code.add("// $L, read in place\n", subChunk.code());
    if (at == null) {
      at = names.newName("at");
      code.addStatement("int $N = $L", at, peek);
    } else {
      code.addStatement("$N = $L", at, peek);
    }
    String reader = codec.inPlaceReader(subChunk.type());
    if (subChunk.list()) {
      String element = names.newName(field.name() + "Element");
      code.beginControlFlow("if ($N >= 0)", at)
          .addStatement(
              "$T $N = $N($N, $N)",
              JavaTypes.className(subChunk.type()),
              element,
              reader,
              in,
              at)
          .beginControlFlow("if ($N != null)", element)
          .addStatement("$L.add($N)", value, element)
          .addStatement("continue")
          .endControlFlow()
          .endControlFlow();
    } else {
      code.beginControlFlow("if ($N >= 0 && $L == null)", at, value)
          .addStatement("$L = $N($N, $N)", value, reader, in, at)
          .beginControlFlow("if ($L != null)", value)
          .addStatement("continue")
          .endControlFlow()
          .endControlFlow();
    }
    return at;
  }

  private void readSubChunk(FieldModel field, CodeBlock value, String sub) {
    SubChunkField subChunk = SubChunkField.of(field);
    String constant = codec.codecConstant(field);
    code.add("case $L -> { // $L\n", hexValue(subChunk.code()), subChunk.code()).indent();
    if (subChunk.declared()) {
      code.beginControlFlow("if ($L != null)", value)
          .addStatement("throw $N.duplicateSubChunk($N)", in, sub)
          .endControlFlow()
          .addStatement("$L = $N($N)", value, codec.structChunkReader(subChunk.struct()), sub);
    } else if (subChunk.list()) {
      code.addStatement("$L.add($N.decode($N))", value, constant, sub);
    } else {
      code.beginControlFlow("if ($L != null)", value)
          .addStatement("throw $N.duplicateSubChunk($N)", in, sub)
          .endControlFlow()
          .addStatement("$L = $N.decode($N)", value, constant, sub);
    }
    code.unindent().add("}\n");
  }

  /** The four bytes of a code as a hex literal for a {@code case} label: {@code 0x63684C64}. */
  static String hexValue(String code) {
    return String.format(Locale.ROOT, "0x%08X", ChunkType.of(code).value());
  }
}

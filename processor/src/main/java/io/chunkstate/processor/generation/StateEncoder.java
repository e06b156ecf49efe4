package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.className;
import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.FieldModel;
import java.util.List;

/**
 * Writes fields of the state in one method of a codec: the inline ones in order, consecutive
 * fixed-width ones as one run, then the sub-chunks.
 */
final class StateEncoder {
  private final CodecNames codec;
  private final CodeBlock.Builder code;
  private final NameAllocator names;
  private final String state;
  private final String out;

  /**
   * @param state the local that holds the state
   * @param out the local that holds the {@code WireWriter}
   */
  StateEncoder(
      CodecNames codec, CodeBlock.Builder code, NameAllocator names, String state, String out) {
    this.codec = codec;
    this.code = code;
    this.names = names;
    this.state = state;
    this.out = out;
  }

  /** Writes {@code fields}, inline ones first. */
  void write(List<FieldModel> fields) {
    FieldEncoder encoder = new FieldEncoder(code, names, out, codec);
    FixedRun run = new FixedRun(code, names, state, out, encoder);
    for (FieldModel field : fields) {
      if (field.isSubChunk() || run.add(field)) {
        continue;
      }
      run.write();
      encoder.write(field, StateCode.get(state, field), codec.type.name().simpleName());
    }
    run.write();
    for (FieldModel field : fields) {
      if (field.isSubChunk()) {
        writeSubChunks(field);
      }
    }
  }

  /**
   * Writes the sub-chunk of a field, or one per element of a list or array; for a struct field
   * that declares its code, one sub-chunk of that code whose data is the struct's fields. Nothing
   * for null.
   */
  private void writeSubChunks(FieldModel field) {
    SubChunkField subChunk = SubChunkField.of(field);
    String constant = codec.codecConstant(field);
    String local = names.newName(field.name());
    code.addStatement("$T $N = $L", javaType(field.type()), local, StateCode.get(state, field));
    code.beginControlFlow("if ($N != null)", local);
    if (subChunk.declared()) {
      String mark = names.newName(field.name() + "Mark");
      code.addStatement("int $N = $N.beginSubChunk($N)", mark, out, constant);
      FieldEncoder encoder = new FieldEncoder(code, names, out, codec);
      for (FieldModel member : subChunk.struct().fields()) {
        encoder.write(
            member, StateCode.get(local, member), subChunk.struct().name().simpleName());
      }
      code.addStatement("$N.endChunk($N)", out, mark);
    } else if (!subChunk.list()) {
      code.addStatement("$N.writeChunk($N, $N)", out, constant, local);
    } else {
      String i = names.newName("i");
      String element = names.newName("element");
      code.beginControlFlow("for (int $N = 0; $N < $L; $N++)", i, i, subChunk.size(local), i)
          .addStatement("$T $N = $L", className(subChunk.type()), element, subChunk.get(local, i))
          .beginControlFlow("if ($N == null)", element)
          .addStatement(
              "throw $N.nullSubChunk($S, $N)",
              out,
              codec.type.name().simpleName() + "." + field.name(),
              i)
          .endControlFlow()
          .addStatement("$N.writeChunk($N, $N)", out, constant, element)
          .endControlFlow();
    }
    code.endControlFlow();
  }
}

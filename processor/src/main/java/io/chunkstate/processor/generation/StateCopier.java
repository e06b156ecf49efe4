package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.chunkstate.processor.model.FieldModel;
import java.util.List;

/**
 * Copies fields of a freshly decoded class instance into a live one, in a codec's {@code apply}. A
 * nested mutable chunk that both hold is applied in place, and a final array filled in place, so
 * that references to the target's stay valid; everything else is assigned, arrays and lists shared
 * with the decoded instance, which is thrown away.
 */
final class StateCopier {
  private final CodecNames codec;
  private final CodeBlock.Builder code;
  private final NameAllocator names;
  private final String decoded;
  private final String target;

  StateCopier(
      CodecNames codec,
      CodeBlock.Builder code,
      NameAllocator names,
      String decoded,
      String target) {
    this.codec = codec;
    this.code = code;
    this.names = names;
    this.decoded = decoded;
    this.target = target;
  }

  /** Copies {@code fields}, in order. */
  void copy(List<FieldModel> fields) {
    for (FieldModel field : fields) {
      if (field.isSubChunk() && SubChunkField.of(field).mutable()) {
        applyInPlace(field);
      } else if (field.inPlace()) {
        fillInPlace(field);
      } else {
        code.addStatement("$L", StateCode.set(target, field, StateCode.get(decoded, field)));
      }
    }
  }

  /**
   * A nested mutable chunk, applied to the target's own; a list of them, each element applied to
   * the target's element at its index when the two lists have the same size and the target's
   * holds no null. Otherwise the decoded value is assigned.
   */
  private void applyInPlace(FieldModel field) {
    TypeName fieldType = javaType(field.type());
    String value = names.newName(field.name());
    String live = names.newName("target" + capitalized(field.name()));
    code.addStatement("$T $N = $L", fieldType, value, StateCode.get(decoded, field))
        .addStatement("$T $N = $L", fieldType, live, StateCode.get(target, field));
    if (SubChunkField.of(field).array()) {
      applyElements(field, value, live);
      return;
    }
    if (SubChunkField.of(field).list()) {
      String inPlace = names.newName(field.name() + "InPlace");
      String i = names.newName("i");
      declareListInPlace(code, names, inPlace, value, live);
      code.beginControlFlow("if ($N)", inPlace)
          .beginControlFlow("for (int $N = 0; $N < $N.size(); $N++)", i, i, value, i)
          .addStatement(
              "$N.apply($N.get($N), $N.get($N))", codec.codecConstant(field), value, i, live, i)
          .endControlFlow();
    } else {
      code.beginControlFlow("if ($N != null && $N != null)", value, live)
          .addStatement("$N.apply($N, $N)", codec.codecConstant(field), value, live);
    }
    code.nextControlFlow("else")
        .addStatement("$L", StateCode.set(target, field, CodeBlock.of("$N", value)))
        .endControlFlow();
  }

  /**
   * Declares the boolean local {@code inPlace}: whether the decoded list in the local {@code value}
   * is applied to the target's list in the local {@code live} element by element, because both are
   * there, of one size, and the target's holds no null, for which there is nothing to apply to (a
   * list may be unmodifiable, so the slot cannot be filled as an array's is). Otherwise the decoded
   * list is assigned. The check before apply asks the same.
   */
  static void declareListInPlace(
      CodeBlock.Builder code, NameAllocator names, String inPlace, String value, String live) {
    String i = names.newName("i");
    code.addStatement(
            "boolean $N = $N != null$W&& $N != null$W&& $N.size() == $N.size()",
            inPlace,
            value,
            live,
            value,
            live)
        .beginControlFlow("for (int $N = 0; $N && $N < $N.size(); $N++)", i, inPlace, i, live, i)
        .addStatement("$N = $N.get($N) != null", inPlace, live, i)
        .endControlFlow();
  }

  /**
   * An array of a mutable chunk: each element applied to the target's at its index (or stored
   * there, where the target's is null) when the two arrays have the same length, which {@code
   * applyMismatch} holds a final array to; otherwise the decoded array is assigned.
   */
  private void applyElements(FieldModel field, String value, String live) {
    String i = names.newName("i");
    if (!field.inPlace()) {
      code.beginControlFlow(
          "if ($N != null && $N != null && $N.length == $N.length)", value, live, value, live);
    }
    code.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, value, i)
        .beginControlFlow("if ($N[$N] == null)", live, i)
        .addStatement("$N[$N] = $N[$N]", live, i, value, i)
        .nextControlFlow("else")
        .addStatement("$N.apply($N[$N], $N[$N])", codec.codecConstant(field), value, i, live, i)
        .endControlFlow()
        .endControlFlow();
    if (!field.inPlace()) {
      code.nextControlFlow("else")
          .addStatement("$L", StateCode.set(target, field, CodeBlock.of("$N", value)))
          .endControlFlow();
    }
  }

  /**
   * A final array: the decoded elements copied into the target's own array, whose length {@code
   * applyMismatch} found equal.
   */
  private void fillInPlace(FieldModel field) {
    String value = names.newName(field.name());
    code.addStatement(
            "$T $N = $L", javaType(field.type()), value, StateCode.get(decoded, field))
        .addStatement(
            "$T.arraycopy($N, 0, $L, 0, $N.length)",
            JavaTypes.SYSTEM,
            value,
            StateCode.get(target, field),
            value);
  }

  /** {@code level} → {@code Level}. */
  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}

package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.className;
import static io.chunkstate.processor.generation.JavaTypes.javaType;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The code that gets, sets and builds state instances, through the access the model names. */
final class StateCode {
  private StateCode() {}

  /** Reads {@code field} from the instance in local {@code owner}. */
  static CodeBlock get(String owner, FieldModel field) {
    Access read = field.read();
    return read.kind() == Access.Kind.FIELD
        ? CodeBlock.of("$N.$N", owner, read.member())
        : CodeBlock.of("$N.$N()", owner, read.member());
  }

  /** Sets {@code field} of the instance in local {@code owner} to {@code value}. */
  static CodeBlock set(String owner, FieldModel field, CodeBlock value) {
    Access write = field.write();
    return switch (write.kind()) {
      case FIELD -> CodeBlock.of("$N.$N = $L", owner, write.member(), value);
      case METHOD -> CodeBlock.of("$N.$N($L)", owner, write.member(), value);
      case CONSTRUCTOR -> throw new AssertionError("a record component is set by its constructor");
      case IN_PLACE -> throw new AssertionError("a final array is filled in place, not set");
    };
  }

  /** The codec's method that says why a final array cannot be filled in place. */
  static final String FINAL_ARRAY_MISMATCH = "finalArrayMismatch";

  /** The codec's method that makes the error of a value whose length is not the declared one. */
  static final String FIXED_LENGTH_REFUSAL = "fixedLengthRefusal";

  /** The codec's method that says why a count is not the declared length. */
  static final String FIXED_LENGTH_MISMATCH = "fixedLengthMismatch";

  /**
   * Throws {@code error} (given the length) when the array or string in local {@code local},
   * unless null, has another length than {@code field} declares: elements of an array, bytes of
   * UTF-8 of a string, which are counted once into a new local.
   */
  static void checkFixedLength(
      CodeBlock.Builder code,
      NameAllocator names,
      FieldModel field,
      String local,
      Function<CodeBlock, CodeBlock> error) {
    if (!(field.type() instanceof WireType.Text)) {
      CodeBlock length = CodeBlock.of("$N.length", local);
      code.beginControlFlow("if ($N != null && $L != $L)", local, length, field.fixedLength())
          .addStatement("throw $L", error.apply(length))
          .endControlFlow();
      return;
    }
    String length = names.newName(field.name() + "Length");
    code.beginControlFlow("if ($N != null)", local)
        .addStatement(
            "int $N = $N.getBytes($T.UTF_8).length", length, local, JavaTypes.STANDARD_CHARSETS)
        .beginControlFlow("if ($N != $L)", length, field.fixedLength())
        .addStatement("throw $L", error.apply(CodeBlock.of("$N", length)))
        .endControlFlow()
        .endControlFlow();
  }

  /** Whether {@code fields}, or those of a struct among them, declare a length. */
  static boolean hasFixedLength(List<FieldModel> fields, Iterable<ClassModel> structs) {
    for (FieldModel field : fields) {
      if (field.hasFixedLength()) {
        return true;
      }
    }
    for (ClassModel struct : structs) {
      for (FieldModel field : struct.fields()) {
        if (field.hasFixedLength()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Gives {@code field} of the instance in local {@code owner} the decoded {@code value}: sets it,
   * or for a final array fills the instance's own array in place, after checking that the lengths
   * match ({@code DATA} naming the field otherwise, from the reader in local {@code in}).
   */
  static void give(
      CodeBlock.Builder code,
      String owner,
      FieldModel field,
      CodeBlock value,
      NameAllocator names,
      String in,
      ClassModel type) {
    CodeBlock holder = CodeBlock.of("$S", "a new " + type.name().qualifiedName());
    give(code, owner, field, value, names, in, holder);
  }

  /**
   * {@link #give}, the error of a final array naming the instance by {@code holder}, an expression
   * of its text.
   */
  static void give(
      CodeBlock.Builder code,
      String owner,
      FieldModel field,
      CodeBlock value,
      NameAllocator names,
      String in,
      CodeBlock holder) {
    if (!field.inPlace()) {
      code.addStatement("$L", set(owner, field, value));
      return;
    }
    String own = names.newName(field.name() + "Array");
    code.addStatement("$T $N = $L", javaType(field.type()), own, get(owner, field));
    if (field.isSubChunk()) {
      // The elements' sub-chunks, however many, make an array: never null.
      code.beginControlFlow("if ($N == null || $N.length != $L.length)", own, own, value);
    } else {
      code.beginControlFlow(
          "if ($L == null || $N == null || $N.length != $L.length)", value, own, own, value);
    }
    code.addStatement(
            "throw $N.dataError($N($S,$W$L,$W$L,$W$L))",
            in,
            FINAL_ARRAY_MISMATCH,
            field.name(),
            holder,
            length(CodeBlock.of("$N", own)),
            field.isSubChunk() ? CodeBlock.of("$L.length", value) : length(value))
        .endControlFlow()
        .addStatement("$T.arraycopy($L, 0, $N, 0, $N.length)", JavaTypes.SYSTEM, value, own, own);
  }

  /** {@code a == null ? -1 : a.length}: an array's length for a message, -1 for null. */
  static CodeBlock length(CodeBlock array) {
    return CodeBlock.of("$L == null ? -1 : $L.length", array, array);
  }

  /**
   * Statements that build an instance of {@code type} from {@code values}, in field order, into
   * the declared local {@code instance}: the canonical constructor of a record; for a class, its no-argument constructor,
   * then each field set or filled in place. Then the post-load hook, if there is one, runs on it.
   *
   * @param in the local that holds the reader, for the error of an array filled in place
   * @param postLoad the post-load hook, or null
   */
  static CodeBlock construction(
      ClassModel type,
      List<CodeBlock> values,
      String instance,
      NameAllocator names,
      String in,
      String postLoad) {
    return construction(type, values, instance, names, in, postLoad, null);
  }

  /**
   * {@link #construction}, where {@code inherited} (given the local of a new class instance) sets
   * the fields of its bases before its own are set.
   */
  static CodeBlock construction(
      ClassModel type,
      List<CodeBlock> values,
      String instance,
      NameAllocator names,
      String in,
      String postLoad,
      Function<String, CodeBlock> inherited) {
    ClassName name = className(type.name());
    if (type.construction() == ClassModel.Construction.RECORD) {
      CodeBlock.Builder code =
          CodeBlock.builder().add("$N = new $T($L);\n", instance, name, arguments(values));
      return postLoad(code, instance, postLoad).build();
    }
    CodeBlock.Builder code = CodeBlock.builder().addStatement("$N = new $T()", instance, name);
    if (inherited != null) {
      code.add(inherited.apply(instance));
    }
    for (int i = 0; i < values.size(); i++) {
      give(code, instance, type.fields().get(i), values.get(i), names, in, type);
    }
    return postLoad(code, instance, postLoad).build();
  }

  /** Calls the post-load hook, if there is one, on the instance in local {@code instance}. */
  static CodeBlock.Builder postLoad(CodeBlock.Builder code, String instance, String postLoad) {
    return postLoad == null ? code : code.addStatement("$N.$N()", instance, postLoad);
  }

  /** The values as constructor arguments, wrapping where lines grow long. */
  private static CodeBlock arguments(List<CodeBlock> values) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < values.size(); i++) {
      arguments.add(i == 0 ? "$L" : ",$W$L", values.get(i));
    }
    return arguments.build();
  }

  /**
   * {@code body}, which builds the instance into the local it is given, in a {@code try} that
   * turns whatever the state's own code throws — a record's compact constructor or a setter that
   * refuses a decoded value, an {@code assert} included — into a {@code DATA} error: whatever the
   * bytes, a reader throws only {@code ChunkStreamException} (SPEC §5). {@code
   * WireReader.refused} rethrows a {@code VirtualMachineError}, which is no refusal. Then returns
   * the instance.
   *
   * <p>The {@code catch} only keeps the throwable, and the reader is handed to {@code refused}
   * under an {@code if} after the {@code try}: a branch never taken, which the JIT compiles to a
   * trap, so a sub-chunk's reader that does not escape otherwise can be scalar-replaced.
   */
  static CodeBlock refusalsAreDataErrors(
      Function<String, CodeBlock> body, NameAllocator names, String in, ClassModel refuser) {
    return refusalsAreDataErrors(
        body,
        names,
        (className, failure) -> CodeBlock.of("$N.refused($S, $N)", in, className, failure),
        refuser.name());
  }

  /**
   * As {@link #refusalsAreDataErrors(Function, NameAllocator, String, ClassModel)}, for the state
   * {@code refuser}, with the error made by the call that {@code refusal} gives for the refuser's
   * name and the local that holds the throwable.
   */
  static CodeBlock refusalsAreDataErrors(
      Function<String, CodeBlock> body,
      NameAllocator names,
      BiFunction<String, String, CodeBlock> refusal,
      JavaName refuser) {
    String instance = names.newName("value");
    String failure = names.newName("failure");
    String e = names.newName("e");
    return CodeBlock.builder()
        .addStatement("$T $N = null", className(refuser), instance)
        .addStatement("$T $N = null", JavaTypes.THROWABLE, failure)
        .beginControlFlow("try")
        .add(body.apply(instance))
        .nextControlFlow("catch ($T | $T $N)", JavaTypes.RUNTIME_EXCEPTION, JavaTypes.ERROR, e)
        .addStatement("$N = $N", failure, e)
        .endControlFlow()
        .beginControlFlow("if ($N != null)", failure)
        .addStatement("throw $L", refusal.apply(refuser.qualifiedName(), failure))
        .endControlFlow()
        .addStatement("return $N", instance)
        .build();
  }
}

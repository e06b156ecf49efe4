package io.chunkstate.processor.generation;

import static io.chunkstate.processor.generation.JavaTypes.className;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import java.util.List;

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
    };
  }

  /**
   * Statements that build an instance of {@code type} from {@code values}, in field order, and
   * return it: the canonical constructor of a record; for a class, its no-argument constructor,
   * then each field set.
   */
  static CodeBlock construction(ClassModel type, List<CodeBlock> values, NameAllocator names) {
    ClassName name = className(type.name());
    if (type.construction() == ClassModel.Construction.RECORD) {
      return CodeBlock.of("return new $T($L);\n", name, arguments(values));
    }
    String instance = names.newName("value");
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement("$T $N = new $T()", name, instance, name);
    for (int i = 0; i < values.size(); i++) {
      code.addStatement("$L", set(instance, type.fields().get(i), values.get(i)));
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

  /**
   * {@code body} in a {@code try} that turns whatever the state's own code throws — a record's
   * compact constructor or a setter that refuses a decoded value, an {@code assert} included —
   * into a {@code DATA} error: whatever the bytes, a reader throws only {@code
   * ChunkStreamException} (SPEC §5). {@code WireReader.refused} rethrows a {@code
   * VirtualMachineError}, which is no refusal.
   */
  static CodeBlock refusalsAreDataErrors(
      CodeBlock body, NameAllocator names, String in, ClassModel refuser) {
    String e = names.newName("e");
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(body)
        .nextControlFlow("catch ($T | $T $N)", JavaTypes.RUNTIME_EXCEPTION, JavaTypes.ERROR, e)
        .addStatement("throw $N.refused($S, $N)", in, refuser.name().qualifiedName(), e)
        .endControlFlow()
        .build();
  }
}

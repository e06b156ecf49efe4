package io.chunkstate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.chunkstate.processor.validation.Message;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor under sources that are broken, odd or huge: every compilation finishes, the
 * processor never throws or reports an internal error, and what is wrong is said once, by javac
 * for what javac rejects and by the processor's own message ids for what breaks a schema rule.
 */
class BadInputTest {
  /** Only a guard against a hang: a compilation here takes seconds at most. */
  private static final Duration HANG = Duration.ofSeconds(60);

  private static Compilation compile(JavaFileObject... sources) {
    Compilation compilation =
        assertTimeoutPreemptively(HANG, () -> Compilations.compile(List.of(sources)));
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String text = d.getMessage(Locale.ROOT);
      assertFalse(
          text.contains("An annotation processor threw an uncaught exception")
              || text.contains("[" + Message.INTERNAL_ERROR.id() + "]")
              || text.contains("compiler (javac) has crashed"),
          () -> "the processor failed instead of reporting: " + text);
    }
    return compilation;
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString("bad." + name, "package bad;\n" + text);
  }

  /** The processor's own message ids among the errors, in order. */
  private static List<String> chunkstateIds(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith("[chunk."))
        .map(m -> m.substring(1, m.indexOf(']')))
        .collect(Collectors.toList());
  }

  /**
   * Compiles {@code body} as {@code bad.name} and asserts javac's error {@code error} on its
   * {@code @Chunk} line (line 3), and no error of the processor's after it.
   */
  private static void assertJavacsErrorAlone(String name, String body, String error) {
    JavaFileObject source = source(name, "import io.chunkstate.annotation.Chunk;\n" + body);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(error).inFile(source).onLine(3);
    assertEquals(List.of(), chunkstateIds(compilation));
  }

  @Test
  void aFieldOfAnUndefinedTypeIsJavacsErrorAlone() {
    assertJavacsErrorAlone(
        "MissingType",
        "@Chunk(\"MiSs\") public record MissingType(int a, NoSuchType b) {}\n",
        "cannot find symbol");
  }

  @Test
  void aSyntaxErrorIsJavacsErrorAlone() {
    assertJavacsErrorAlone(
        "Syntax", "@Chunk(\"SyNt\") public record Syntax(int a int b) {}\n", "expected");
  }

  @Test
  void aCodeThatIsNotAConstantIsJavacsErrorAlone() {
    assertJavacsErrorAlone(
        "NotConstant",
        "@Chunk(NotConstant.CODE) public record NotConstant(int a) {\n"
            + "  static String CODE = \"NoCo\";\n"
            + "}\n",
        "must be a constant expression");
  }

  @Test
  void aGenericChunkClassIsRefused() {
    Compilation compilation =
        compile(
            source(
                "Generic",
                "import io.chunkstate.annotation.Chunk;\n"
                    + "@Chunk(\"GeNr\") public record Generic<T>(T value, int count) {}\n"));
    assertThat(compilation).failed();
    assertEquals(List.of(Message.GENERIC_TYPE.id()), chunkstateIds(compilation));
  }

  @Test
  void aCycleOfThreeStructsIsRefusedOnce() {
    Compilation compilation =
        compile(
            source(
                "Cycle",
                "import io.chunkstate.annotation.Chunk;\n"
                    + "import io.chunkstate.annotation.ChunkStruct;\n"
                    + "public final class Cycle {\n"
                    + "  @ChunkStruct public record A(int x, B b) {}\n"
                    + "  @ChunkStruct public record B(int y, C c) {}\n"
                    + "  @ChunkStruct public record C(int z, A a) {}\n"
                    + "  @Chunk(\"CyCl\") public record Holder(A a) {}\n"
                    + "}\n"));
    assertThat(compilation).failed();
    List<String> ids = chunkstateIds(compilation);
    assertFalse(ids.isEmpty());
    assertTrue(
        ids.stream().allMatch(Message.STRUCT_CYCLE.id()::equals), () -> "errors: " + ids);
  }

  @Test
  void aStructThatContainsItselfIsRefused() {
    Compilation compilation =
        compile(
            source(
                "Self",
                "import io.chunkstate.annotation.ChunkStruct;\n"
                    + "@ChunkStruct public record Self(int x, Self next) {}\n"));
    assertThat(compilation).failed();
    assertEquals(List.of(Message.STRUCT_CYCLE.id()), chunkstateIds(compilation));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "public interface Target {}",
        "public enum Target { ON, OFF }",
        "public @interface Target {}"
      })
  void chunkOnSomethingOtherThanAClassOrRecordIsRefused(String declaration) {
    JavaFileObject source =
        source(
            "Target",
            "import io.chunkstate.annotation.Chunk;\n@Chunk(\"TaRg\")\n" + declaration + "\n");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[" + Message.TARGET.id() + "]")
        .inFile(source)
        .onLine(4); // the declaration, after the annotation
  }

  /** A class with {@code n} fields of several wire types, all package-private. */
  static String manyFields(int n) {
    StringBuilder text =
        new StringBuilder(
            "import io.chunkstate.annotation.Chunk;\n@Chunk(\"MaNy\") public class Many {\n");
    String[] types = {"int", "long", "String", "double[]", "Boolean"};
    for (int i = 0; i < n; i++) {
      text.append("  ").append(types[i % types.length]).append(" f").append(i).append(";\n");
    }
    return text.append("}\n").toString();
  }

  @Test
  void aChunkWithThreeThousandFieldsCompilesCleanly() {
    Compilation compilation = compile(source("Many", manyFields(3000)));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("bad.ManyChunkCodec");
  }
}

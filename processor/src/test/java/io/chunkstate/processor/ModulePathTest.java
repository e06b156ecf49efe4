package io.chunkstate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.processor.validation.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules 41 and 42: a named module that holds generated codecs must read the runtime and provide
 * exactly its codecs; each module here is compiled with the annotations and the runtime on the
 * module path. The error is on the module declaration and carries the line to paste.
 */
class ModulePathTest {
  /** The messages these tests provoke, each by a negative test here. */
  static final Set<Message> MESSAGES = Set.of(Message.MODULE_PROVIDES, Message.MODULE_REQUIRES);

  private static final String MODULE_INFO = "module-info.java";
  private static final String RUNTIME = "  requires io.chunkstate.runtime;\n";

  @TempDir Path temp;

  private final Map<String, String> files = new LinkedHashMap<>();

  /** {@code a.Foo} and {@code b.Bar}: two chunk types in two packages. */
  private ModulePathTest fooAndBar() {
    return foo()
        .file(
            "b/Bar.java",
            "package b;\n@io.chunkstate.annotation.Chunk(\"BaRr\")\n"
                + "public record Bar(long w) {}\n");
  }

  private ModulePathTest foo() {
    return file(
        "a/Foo.java",
        "package a;\n@io.chunkstate.annotation.Chunk(\"FoOo\")\npublic record Foo(int v) {}\n");
  }

  private ModulePathTest moduleInfo(String directives) {
    return file(
        MODULE_INFO,
        "module app {\n  requires static io.chunkstate.annotations;\n" + directives + "}\n");
  }

  private ModulePathTest file(String path, String text) {
    files.put(path, text);
    return this;
  }

  /** A codec written by hand: {@code codec} for the class {@code type} of its package. */
  private ModulePathTest handWritten(String codec, String type, String code, String create) {
    String pkg = codec.substring(0, codec.lastIndexOf('.'));
    String simple = codec.substring(codec.lastIndexOf('.') + 1);
    return file(
        codec.replace('.', '/') + ".java",
        "package " + pkg + ";\n"
            + "import io.chunkstate.ChunkCodec;\n"
            + "import io.chunkstate.ChunkType;\n"
            + "import io.chunkstate.wire.WireReader;\n"
            + "import io.chunkstate.wire.WireWriter;\n"
            + "public final class " + simple + " implements ChunkCodec<" + type + "> {\n"
            + "  public ChunkType type() { return ChunkType.of(\"" + code + "\"); }\n"
            + "  public Class<" + type + "> stateClass() { return " + type + ".class; }\n"
            + "  public void encode(" + type + " state, WireWriter out) {}\n"
            + "  public " + type + " decode(WireReader in) { return " + create + "; }\n"
            + "}\n");
  }

  private ModuleCompilation compile(Processor... others) {
    List<Processor> processors = new ArrayList<>(List.of(new ChunkProcessor()));
    processors.addAll(List.of(others));
    return ModuleCompilation.compile(temp.resolve("app"), processors, files, List.of());
  }

  /** Generates {@code b.Late}, a {@code @Chunk} type, in the first round. */
  private static Processor late() {
    return new FirstRoundSource(
        "b.Late",
        "package b;\n@io.chunkstate.annotation.Chunk(\"LaTe\")\npublic record Late(int v) {}\n");
  }

  private static void assertOneError(ModuleCompilation compilation) {
    assertFalse(compilation.succeeded());
    assertEquals(1, compilation.errors().size(), compilation.toString());
  }

  @Test
  void aModuleThatProvidesEveryCodecCompilesWithoutAWord() {
    ModuleCompilation compilation =
        fooAndBar()
            .moduleInfo(
                RUNTIME
                    + "  provides io.chunkstate.ChunkCodec with b.BarChunkCodec,"
                    + " a.FooChunkCodec;\n")
            .compile();

    assertTrue(compilation.succeeded(), compilation.toString());
    assertTrue(compilation.compiled("a.FooChunkCodec"));
    assertTrue(compilation.compiled("b.BarChunkCodec"));
    assertTrue(compilation.compiled("module-info"));
  }

  @Test
  void aModuleWithoutTheClauseGetsTheWholeClauseToPaste() {
    ModuleCompilation compilation = fooAndBar().moduleInfo(RUNTIME).compile();

    assertOneError(compilation);
    compilation.assertError(
        "[chunk.module-provides] module app has no 'provides io.chunkstate.ChunkCodec' clause, so"
            + " ChunkRegistry.load() finds none of the 2 codecs this compilation generates for it;"
            + " on the module path ServiceLoader sees only the codecs a module provides; add:"
            + " provides io.chunkstate.ChunkCodec with a.FooChunkCodec, b.BarChunkCodec;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aClauseThatLeavesACodecOutGetsTheWholeClause() {
    ModuleCompilation compilation =
        fooAndBar()
            .moduleInfo(RUNTIME + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "[chunk.module-provides] module app leaves b.BarChunkCodec out of its 'provides"
            + " io.chunkstate.ChunkCodec' clause, so ChunkRegistry.load() does not find it; on the"
            + " module path ServiceLoader sees only the codecs a module provides; write the clause"
            + " as: provides io.chunkstate.ChunkCodec with a.FooChunkCodec, b.BarChunkCodec;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aSecondCodecForAGeneratedTypeIsRefused() {
    ModuleCompilation compilation =
        foo()
            .handWritten("a.FooCodec", "Foo", "FoOt", "new Foo(0)")
            .moduleInfo(
                RUNTIME
                    + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec, a.FooCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "[chunk.module-provides] module app lists a.FooCodec, a second codec for a.Foo, whose"
            + " codec is a.FooChunkCodec (ChunkRegistry.load() refuses two codecs for one class);"
            + " on the module path ServiceLoader sees only the codecs a module provides; write the"
            + " clause as: provides io.chunkstate.ChunkCodec with a.FooChunkCodec;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void theCodecOfATypeThatIsNoLongerAChunkIsRefused() {
    ModuleCompilation compilation =
        foo()
            .file("a/Gone.java", "package a;\npublic class Gone {}\n")
            .handWritten("a.GoneChunkCodec", "Gone", "GoNe", "new Gone()")
            .moduleInfo(
                RUNTIME
                    + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec,"
                    + " a.GoneChunkCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "[chunk.module-provides] module app lists a.GoneChunkCodec, the codec generated for a.Gone"
            + " when it was a @Chunk type; it is no longer one, so this compilation does not"
            + " generate it; on the module path ServiceLoader sees only the codecs a module"
            + " provides; write the clause as: provides io.chunkstate.ChunkCodec with"
            + " a.FooChunkCodec;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aClauseThatIsWrongTwiceSaysBoth() {
    ModuleCompilation compilation =
        fooAndBar()
            .handWritten("a.FooCodec", "Foo", "FoOt", "new Foo(0)")
            .moduleInfo(RUNTIME + "  provides io.chunkstate.ChunkCodec with a.FooCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "module app leaves a.FooChunkCodec, b.BarChunkCodec out of its 'provides"
            + " io.chunkstate.ChunkCodec' clause, so ChunkRegistry.load() does not find them, and"
            + " lists a.FooCodec, a second codec for a.Foo",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aCodecWrittenByHandForAnotherClassStaysInTheClause() {
    fooAndBar()
        .file("c/Extra.java", "package c;\npublic class Extra {}\n")
        .handWritten("c.ExtraCodec", "Extra", "ExTr", "new Extra()");

    ModuleCompilation complete =
        moduleInfo(
                RUNTIME
                    + "  provides io.chunkstate.ChunkCodec with c.ExtraCodec, a.FooChunkCodec,"
                    + " b.BarChunkCodec;\n")
            .compile();
    assertTrue(complete.succeeded(), complete.toString());
  }

  @Test
  void aCodecWrittenByHandIsKeptInTheClauseToPaste() {
    ModuleCompilation compilation =
        fooAndBar()
            .file("c/Extra.java", "package c;\npublic class Extra {}\n")
            .handWritten("c.ExtraCodec", "Extra", "ExTr", "new Extra()")
            .moduleInfo(RUNTIME + "  provides io.chunkstate.ChunkCodec with c.ExtraCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "write the clause as: provides io.chunkstate.ChunkCodec with a.FooChunkCodec,"
            + " b.BarChunkCodec, c.ExtraCodec;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aModuleThatRequiresTheRuntimeOnlyStaticallyIsTold() {
    ModuleCompilation compilation =
        foo()
            .moduleInfo(
                "  requires static io.chunkstate.runtime;\n"
                    + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec;\n")
            .compile();

    assertOneError(compilation);
    compilation.assertError(
        "[chunk.module-requires] module app requires io.chunkstate.runtime only statically, but"
            + " the codecs this compilation generates for it use io.chunkstate.runtime at run"
            + " time, where 'requires static' does not make the runtime present; drop 'static':"
            + " requires io.chunkstate.runtime;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aModuleThatDoesNotReadTheRuntimeIsToldToRequireIt() {
    ModuleCompilation compilation = foo().moduleInfo("").compile();

    assertFalse(compilation.succeeded());
    // javac reports each use of the runtime that the module cannot see; ours says the fix, once.
    assertEquals(1, compilation.chunkErrors().size(), compilation.toString());
    compilation.assertError(
        "[chunk.module-requires] module app does not read io.chunkstate.runtime, but the codecs"
            + " this compilation generates for it use io.chunkstate.runtime at compile time and at"
            + " run time; add: requires io.chunkstate.runtime;",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aModuleThatReadsTheRuntimeThroughAnotherNeedsNoRequiresOfItsOwn() {
    ModuleCompilation library =
        ModuleCompilation.compile(
            temp.resolve("lib"),
            List.of(),
            Map.of(
                MODULE_INFO, "module lib {\n  requires transitive io.chunkstate.runtime;\n}\n"),
            List.of());
    assertTrue(library.succeeded(), library.toString());

    files.clear();
    foo()
        .moduleInfo(
            "  requires lib;\n  provides io.chunkstate.ChunkCodec with a.FooChunkCodec;\n");
    ModuleCompilation compilation =
        ModuleCompilation.compile(
            temp.resolve("app"),
            List.of(new ChunkProcessor()),
            files,
            List.of(temp.resolve("lib/classes")));
    assertTrue(compilation.succeeded(), compilation.toString());
    assertTrue(compilation.compiled("a.FooChunkCodec"));
  }

  @Test
  void theClauseIsCheckedOnceEveryRoundHasGeneratedItsCodecs() {
    ModuleCompilation complete =
        foo()
            .moduleInfo(
                RUNTIME
                    + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec,"
                    + " b.LateChunkCodec;\n")
            .compile(late());
    assertTrue(complete.succeeded(), complete.toString());
    assertTrue(complete.compiled("b.LateChunkCodec"));
  }

  @Test
  void aCodecOfALaterRoundLeftOutOfTheClauseIsNamed() {
    ModuleCompilation compilation =
        foo()
            .moduleInfo(RUNTIME + "  provides io.chunkstate.ChunkCodec with a.FooChunkCodec;\n")
            .compile(late());

    assertOneError(compilation);
    compilation.assertError(
        "leaves b.LateChunkCodec out of its 'provides io.chunkstate.ChunkCodec' clause",
        MODULE_INFO,
        "module app");
  }

  @Test
  void aBrokenSchemaGetsItsOwnErrorAndNoneAboutTheClause() {
    ModuleCompilation compilation =
        foo()
            .file(
                "a/Broken.java",
                "package a;\n@io.chunkstate.annotation.Chunk(\"BrK\")\n"
                    + "public record Broken(int v) {}\n")
            .moduleInfo(RUNTIME)
            .compile();

    assertOneError(compilation);
    compilation.assertError("[chunk.code-format] 'BrK'", "a/Broken.java", "Chunk(\"BrK\")");
  }
}

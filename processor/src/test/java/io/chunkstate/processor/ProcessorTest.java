package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.chunkstate.processor.generation.CodecGenerator;
import io.chunkstate.processor.generation.ServicesFile;
import io.chunkstate.processor.model.ChunkModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the processor behaves as a processor: registration, rounds, failures. */
class ProcessorTest {

  @Test
  void declaresTheAnnotationsAndOptionsItReadsAndClaimsNothing() {
    ChunkProcessor processor = new ChunkProcessor();
    assertEquals(
        Set.of(
            "io.chunkstate.annotation.Chunk",
            "io.chunkstate.annotation.ChunkStruct",
            "io.chunkstate.annotation.ChunkKey",
            "io.chunkstate.annotation.PreSave",
            "io.chunkstate.annotation.PostLoad",
            "io.chunkstate.annotation.WhenAbsent",
            "io.chunkstate.annotation.WireValue",
            "io.chunkstate.annotation.ChunkBase"),
        processor.getSupportedAnnotationTypes());
    assertEquals(
        Set.of("chunkstate.generatedAnnotation", "chunkstate.baseline", "chunkstate.baseline.notes"),
        processor.getSupportedOptions());
  }

  @Test
  void isRegisteredForJavacAndForGradleAsAggregating() throws IOException {
    ClassLoader loader = ChunkProcessor.class.getClassLoader();
    try (var services =
            loader.getResourceAsStream("META-INF/services/javax.annotation.processing.Processor");
        var gradle =
            loader.getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(services.readAllBytes(), "UTF-8").trim())
          .isEqualTo(ChunkProcessor.class.getName());
      assertThat(new String(gradle.readAllBytes(), "UTF-8").trim())
          .isEqualTo(ChunkProcessor.class.getName() + ",aggregating");
    }
  }

  @Test
  void anUnexpectedExceptionBecomesAnErrorNotACrash() {
    ChunkProcessor failing =
        new ChunkProcessor() {
          @Override
          JavaFile generate(CodecGenerator generator, ChunkModel model, boolean shadowed) {
            throw new IllegalStateException("generator exploded on " + model.code());
          }
        };
    Compilation compilation =
        javac()
            .withProcessors(failing)
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.Fine",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"FiNe\")",
                    "record Fine(int value) {}"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[chunk.internal-error]");
    assertThat(compilation).hadErrorContaining("generator exploded on FiNe");
  }

  @Test
  void waitsForATypeThatAnotherProcessorGeneratesInALaterRound() {
    Compilation compilation =
        javac()
            .withProcessors(
                new ChunkProcessor(),
                new FirstRoundSource(
                    "p.Later",
                    "package p;\n@io.chunkstate.annotation.ChunkStruct\n"
                        + "public record Later(long when) {}\n"))
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.Early",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"EaRl\")",
                    "record Early(int value, Later later) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.EarlyChunkCodec").contentsAsUtf8String()
        .contains("value = new Later(when);");
  }

  @Test
  void servicesFileKeepsEarlierEntriesSortedAndOnce() {
    assertEquals(
        "a.AChunkCodec\nb.BChunkCodec\nc.CChunkCodec\n",
        ServicesFile.merge("# codecs\nc.CChunkCodec\n\nb.BChunkCodec # kept\n", List.of("a.AChunkCodec", "c.CChunkCodec")));
  }

  @Test
  void theServicesFileInTheClassOutputKeepsItsEntriesAndGainsTheNewCodecsSorted(
      @TempDir Path temp) throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path services = classes.resolve(ServicesFile.PATH);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# from an earlier build\nz.OldChunkCodec\n", UTF_8);
    Path source = temp.resolve("p/Fresh.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package p;\n@io.chunkstate.annotation.Chunk(\"FrSh\")\npublic record Fresh(int v) {}\n",
        UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(classes.toFile()));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of("-proc:only", "-classpath", System.getProperty("java.class.path")),
              null,
              files.getJavaFileObjects(source.toFile()));
      task.setProcessors(List.of(new ChunkProcessor()));
      assertEquals(true, task.call(), diagnostics.getDiagnostics().toString());
    }
    assertEquals("p.FreshChunkCodec\nz.OldChunkCodec\n", Files.readString(services, UTF_8));
  }

  @Test
  void aPublicCodeIsAllowedInAChunkAuthorityPackage() {
    Compilation compilation =
        javac()
            .withProcessors(new ChunkProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "auth.package-info",
                    "@io.chunkstate.annotation.ChunkAuthority",
                    "package auth;"),
                JavaFileObjects.forSourceLines(
                    "auth.Official",
                    "package auth;",
                    "@io.chunkstate.annotation.Chunk(\"OFIs\")",
                    "public record Official(int v) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/chunkstate/registry.json")
        .contentsAsUtf8String()
        .contains("\"public\": true");
  }

  @Test
  void aCodeUsedInTwoPackagesIsReportedOnceOnTheSecondWhateverTheOrder() {
    JavaFileObject first =
        JavaFileObjects.forSourceLines(
            "a.First", "package a;", "@io.chunkstate.annotation.Chunk(\"TwIn\")", "public record First(int v) {}");
    JavaFileObject second =
        JavaFileObjects.forSourceLines(
            "b.Second", "package b;", "@io.chunkstate.annotation.Chunk(\"TwIn\")", "public record Second(int v) {}");
    for (List<JavaFileObject> order : List.of(List.of(first, second), List.of(second, first))) {
      Compilation compilation = javac().withProcessors(new ChunkProcessor()).compile(order);
      assertThat(compilation).hadErrorCount(1);
      JavaFileObject later = order.get(1);
      String other = later == first ? "b.Second" : "a.First";
      assertThat(compilation)
          .hadErrorContaining("[chunk.duplicate-code] 'TwIn' is already the code of " + other)
          .inFile(later)
          .onLineContaining("TwIn");
    }
  }

  @Test
  void everyGeneratedSourceNamesTheTypesItDependsOnAsOriginatingElements() {
    Map<String, List<String>> origins = new TreeMap<>();
    ChunkProcessor recording =
        new ChunkProcessor() {
          @Override
          public synchronized void init(ProcessingEnvironment env) {
            super.init(recordingOrigins(env, origins));
          }
        };
    Compilation compilation =
        javac()
            .withProcessors(recording)
            .compile(
                JavaFileObjects.forSourceLines("p.Mode", "package p;", "public enum Mode { ON }"),
                JavaFileObjects.forSourceLines(
                    "p.Pt",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Pt(int x, Mode mode) {}"),
                JavaFileObjects.forSourceLines(
                    "p.Leaf",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"leAf\")",
                    "public record Leaf(int v) {}"),
                JavaFileObjects.forSourceLines(
                    "p.Root",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"RoOt\")",
                    "public record Root(java.util.List<Pt> points, java.util.List<Leaf> leaves) {}"));
    assertThat(compilation).succeeded();
    assertEquals(List.of("p.Root", "p.Pt", "p.Mode", "p.Leaf"), origins.get("p.RootChunkCodec"));
    assertEquals(List.of("p.Leaf"), origins.get("p.LeafChunkCodec"));
    assertEquals(
        List.of("p.Leaf", "p.Root", "p.Pt"), origins.get(ServicesFile.PATH), "the registration");
  }

  /** {@code env} with a Filer that records the originating elements of every file created. */
  private static ProcessingEnvironment recordingOrigins(
      ProcessingEnvironment env, Map<String, List<String>> origins) {
    Filer filer = env.getFiler();
    Filer recording =
        (Filer)
            Proxy.newProxyInstance(
                Filer.class.getClassLoader(),
                new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("createSourceFile")
                      || method.getName().equals("createResource")) {
                    Object[] elements = (Object[]) args[args.length - 1];
                    String name =
                        method.getName().equals("createSourceFile")
                            ? args[0].toString()
                            : args[2].toString();
                    List<String> names = new ArrayList<>();
                    for (Object element : elements) {
                      names.add(((TypeElement) element).getQualifiedName().toString());
                    }
                    origins.put(name, names);
                  }
                  try {
                    return method.invoke(filer, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (ProcessingEnvironment)
        Proxy.newProxyInstance(
            ProcessingEnvironment.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFiler")) {
                return recording;
              }
              try {
                return method.invoke(env, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}

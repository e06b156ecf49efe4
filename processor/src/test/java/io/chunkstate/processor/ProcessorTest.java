package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.chunkstate.processor.generation.CodecGenerator;
import io.chunkstate.processor.generation.ServicesFile;
import io.chunkstate.processor.model.ChunkModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves as a processor: registration, rounds, failures. */
class ProcessorTest {

  @Test
  void declaresTheAnnotationsAndOptionsItReadsAndClaimsNothing() {
    ChunkProcessor processor = new ChunkProcessor();
    assertEquals(
        Set.of("io.chunkstate.annotation.Chunk", "io.chunkstate.annotation.ChunkStruct"),
        processor.getSupportedAnnotationTypes());
    assertEquals(Set.of("chunkstate.generatedAnnotation"), processor.getSupportedOptions());
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
          JavaFile generate(CodecGenerator generator, ChunkModel model) {
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
            .withProcessors(new ChunkProcessor(), new LaterStructProcessor())
            .compile(
                JavaFileObjects.forSourceLines(
                    "p.Early",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"EaRl\")",
                    "record Early(int value, Later later) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.EarlyChunkCodec").contentsAsUtf8String()
        .contains("later = new Later(");
  }

  @Test
  void servicesFileKeepsEarlierEntriesSortedAndOnce() {
    assertEquals(
        "a.AChunkCodec\nb.BChunkCodec\nc.CChunkCodec\n",
        ServicesFile.merge("# codecs\nc.CChunkCodec\n\nb.BChunkCodec # kept\n", List.of("a.AChunkCodec", "c.CChunkCodec")));
  }

  /** Generates {@code p.Later}, a {@code @ChunkStruct}, in the first round. */
  private static final class LaterStructProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try {
        JavaFileObject file = processingEnv.getFiler().createSourceFile("p.Later");
        try (Writer out = file.openWriter()) {
          out.write(
              "package p;\n@io.chunkstate.annotation.ChunkStruct\npublic record Later(long when) {}\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}

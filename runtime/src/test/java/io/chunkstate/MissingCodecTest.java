package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Flags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a writer or a restore says when the registry has no codec for a class: the road that
 * fits where the class lives — the processor and the services file on the class path, the
 * module's {@code provides} clause on the module path.
 */
class MissingCodecTest {
  /** What {@link ChunkRegistry#load()} gives when ServiceLoader sees no codec at all. */
  private static ChunkRegistry loadNothing() throws IOException {
    try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
      ChunkRegistry registry = ChunkRegistry.load(nothing);
      assertTrue(registry.codecs().isEmpty(), registry.toString());
      return registry;
    }
  }

  private static String refusal(ChunkRegistry registry, Object state) throws IOException {
    StateWriter writer = StateWriter.open(new ByteArrayOutputStream(), "test", registry);
    return assertThrows(IllegalArgumentException.class, () -> writer.write(state)).getMessage();
  }

  @Test
  void aClassOnTheClassPathIsToldAboutTheProcessorAndTheModuleClause() throws IOException {
    assertEquals(
        "no codec is registered for io.chunkstate.TestCodecs$Flags (ChunkRegistry.load() found no"
            + " codec at all); is io.chunkstate.TestCodecs$Flags annotated @Chunk, and was the"
            + " chunkstate processor on the annotation processor path when it was compiled, so"
            + " that it generated io.chunkstate.TestCodecs_FlagsChunkCodec and listed it in"
            + " META-INF/services/io.chunkstate.ChunkCodec? On the module path, its module must"
            + " also declare 'provides io.chunkstate.ChunkCodec with"
            + " io.chunkstate.TestCodecs_FlagsChunkCodec;'",
        refusal(loadNothing(), new Flags(true, "", TestCodecs.Color.RED, new int[0])));
  }

  @Test
  void aClassOfAModuleThatDoesNotProvideItsCodecIsToldTheClause() throws IOException {
    // java.base stands for an application module: named, and without the clause.
    assertEquals(
        "no codec is registered for java.time.Duration (ChunkRegistry.load() found no codec at"
            + " all); on the module path ServiceLoader sees only the codecs a module provides, and"
            + " module java.base does not provide java.time.DurationChunkCodec: add 'provides"
            + " io.chunkstate.ChunkCodec with java.time.DurationChunkCodec;' to its module-info"
            + " (the processor reports a missing clause as chunk.module-provides); else, is"
            + " java.time.Duration annotated @Chunk, and was the chunkstate processor on the"
            + " annotation processor path when it was compiled, so that it generated"
            + " java.time.DurationChunkCodec?",
        refusal(loadNothing(), Duration.ZERO));
  }

  @Test
  void aLoadedRegistryWithOtherCodecsDoesNotClaimToBeEmpty(@TempDir Path dir)
      throws IOException {
    Path services = dir.resolve("META-INF/services/io.chunkstate.ChunkCodec");
    Files.createDirectories(services.getParent());
    Files.writeString(services, TestCodecs.NodeCodec.class.getName() + "\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      String message =
          refusal(ChunkRegistry.load(loader), new Flags(true, "", TestCodecs.Color.RED, null));
      assertTrue(
          message.startsWith(
              "no codec is registered for io.chunkstate.TestCodecs$Flags; is"
                  + " io.chunkstate.TestCodecs$Flags annotated @Chunk"),
          message);
    }
  }

  @Test
  void aRestoreSaysTheSame() throws IOException {
    ChunkRegistry nothing = loadNothing();
    Flags flags = new Flags(true, "", TestCodecs.Color.RED, null);
    String expected = refusal(nothing, flags);
    assertEquals(
        expected,
        assertThrows(
                IllegalArgumentException.class, () -> Restore.of(nothing).into(List.of(flags)))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(
                IllegalArgumentException.class,
                () -> Restore.of(nothing).replacing(Flags.class, f -> {}))
            .getMessage());
  }

  @Test
  void theCodecNameIsTheOneTheProcessorGives() {
    assertEquals("io.chunkstate.TestCodecs_FlagsChunkCodec", MissingCodec.codecName(Flags.class));
    assertEquals("java.lang.StringChunkCodec", MissingCodec.codecName(String.class));
  }
}

package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkRegistryTest {
  @Test
  void findsCodecsByTypeAndByClass() {
    TestCodecs.FlagsCodec flags = new TestCodecs.FlagsCodec();
    TestCodecs.NodeCodec nodes = new TestCodecs.NodeCodec();
    ChunkRegistry registry = ChunkRegistry.of(nodes, flags);
    assertSame(flags, registry.codecFor(ChunkType.of("FlAg")).orElseThrow());
    assertSame(nodes, registry.codecFor(TestCodecs.Node.class).orElseThrow());
    assertEquals(Optional.empty(), registry.codecFor(ChunkType.of("ZzZz")));
    assertEquals(Optional.empty(), registry.codecFor(String.class));
    assertEquals(List.of(flags, nodes), registry.codecs());
    assertEquals("ChunkRegistry[FlAg, NoDe]", registry.toString());
    assertTrue(registry.describe().startsWith("FlAg  critical, private, safe to copy  io.chunkstate.TestCodecs$Flags\n"), registry.describe());
  }

  @Test
  void twoCodecsForOneCodeAreRefusedNamingBoth() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ChunkRegistry.of(new TestCodecs.NodeCodec(), new OtherNodeCodec()));
    assertTrue(e.getMessage().contains(TestCodecs.NodeCodec.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(OtherNodeCodec.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("NoDe"), e.getMessage());
  }

  @Test
  void theFormatsOwnCodesCannotBeClaimed() {
    assertThrows(IllegalStateException.class, () -> ChunkRegistry.of(new Claiming("CEND")));
    assertThrows(IllegalStateException.class, () -> ChunkRegistry.of(new Claiming("dESc")));
    assertThrows(IllegalStateException.class, () -> ChunkRegistry.of(new Claiming("AAaA")));
  }

  @Test
  void loadFindsTheCodecsRegisteredForServiceLoader(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services/io.chunkstate.ChunkCodec");
    Files.createDirectories(services.getParent());
    Files.writeString(
        services,
        "# codecs\n" + TestCodecs.FlagsCodec.class.getName() + "\n" + TestCodecs.NodeCodec.class.getName() + "\n",
        StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      ChunkRegistry registry = ChunkRegistry.load(loader);
      assertEquals("ChunkRegistry[FlAg, NoDe]", registry.toString());

      Files.writeString(services, OtherNodeCodec.class.getName() + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChunkRegistry.load(loader));
      assertTrue(e.getMessage().contains(OtherNodeCodec.class.getName()), e.getMessage());
    }
  }

  /** A codec whose constructor throws, as one built against a missing dependency might. */
  public static final class ThrowingCodec extends Claiming {
    public ThrowingCodec() {
      super("ThRo");
      throw new IllegalStateException("the codec's dependency is missing");
    }
  }

  /** A services entry naming a class that is missing, or one that cannot be created. */
  @Test
  void aBrokenServicesEntryIsAnIllegalStateExceptionNamingTheClass(@TempDir Path dir)
      throws IOException {
    Path services = dir.resolve("META-INF/services/io.chunkstate.ChunkCodec");
    Files.createDirectories(services.getParent());
    for (String entry :
        List.of("p.Gone", ThrowingCodec.class.getName(), ChunkRegistryTest.class.getName())) {
      Files.writeString(
          services, TestCodecs.NodeCodec.class.getName() + "\n" + entry + "\n", StandardCharsets.UTF_8);
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
        IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> ChunkRegistry.load(loader), entry);
        assertTrue(e.getMessage().contains(entry), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services"), e.getMessage());
      }
    }
  }

  /** A second codec for "NoDe". */
  public static final class OtherNodeCodec implements ChunkCodec<String> {
    @Override
    public ChunkType type() {
      return ChunkType.of("NoDe");
    }

    @Override
    public Class<String> stateClass() {
      return String.class;
    }

    @Override
    public void encode(String state, WireWriter out) {
      out.writeString(state);
    }

    @Override
    public String decode(WireReader in) throws ChunkStreamException {
      return in.readString();
    }
  }

  private static class Claiming implements ChunkCodec<Integer> {
    private final ChunkType type;

    Claiming(String code) {
      this.type = ChunkType.of(code);
    }

    @Override
    public ChunkType type() {
      return type;
    }

    @Override
    public Class<Integer> stateClass() {
      return Integer.class;
    }

    @Override
    public void encode(Integer state, WireWriter out) {
      out.writeInt(state);
    }

    @Override
    public Integer decode(WireReader in) throws ChunkStreamException {
      return in.readInt();
    }
  }
}

package io.chunkstate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.testing.Hex;
import io.chunkstate.wire.WireReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inherited state (issue 13, SPEC §4): the fields of {@code @ChunkBase} superclasses travel first,
 * from the topmost base down, then the class's own; a base may hold a sub-chunk, the key and the
 * hooks, a class without state may sit between bases, and a restore in place covers every field.
 */
class ChunkBaseTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Device",
                    "package p;",
                    "@io.chunkstate.annotation.ChunkBase",
                    "public abstract class Device {",
                    "  @io.chunkstate.annotation.ChunkKey String id;",
                    "  Msix msix;",
                    "  transient int loads;",
                    "  @io.chunkstate.annotation.PostLoad void loaded() { loads++; }",
                    "}"),
                source(
                    "p.Plain",
                    "package p;",
                    "public abstract class Plain extends Device {",
                    "  static int instances;",
                    "  transient int cache;",
                    "}"),
                source(
                    "p.PciFunction",
                    "package p;",
                    "import io.chunkstate.annotation.FixedLength;",
                    "import io.chunkstate.annotation.Unsigned;",
                    "@io.chunkstate.annotation.ChunkBase",
                    "public abstract class PciFunction extends Plain {",
                    "  @Unsigned short vendorId;",
                    "  @FixedLength(2) final byte[] config = new byte[2];",
                    "}"),
                source(
                    "p.Msix",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"msXs\")",
                    "public record Msix(int vectors) {}"),
                source(
                    "p.Nic",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"NiCs\")",
                    "public class Nic extends PciFunction {",
                    "  int ctrl;",
                    "  public static Nic sample() {",
                    "    Nic nic = new Nic();",
                    "    nic.id = \"eth0\";",
                    "    nic.msix = new Msix(3);",
                    "    nic.vendorId = (short) 0x8086;",
                    "    nic.config[0] = 1;",
                    "    nic.config[1] = 2;",
                    "    nic.ctrl = 7;",
                    "    return nic;",
                    "  }",
                    "}")));
  }

  /** A {@code p.Nic.sample()}, in hex: the bases' inline fields first, then the own. */
  private static final String NIC =
      "00000004 65746830" // Device.id "eth0"
          + " 8086" // PciFunction.vendorId
          + " 00000002 0102" // PciFunction.config
          + " 00000007" // Nic.ctrl
          + " 00000004 6D735873 00000003 34EAE18A"; // Device.msix: an msXs sub-chunk

  @Test
  void theBasesFieldsTravelFirstTopmostDown() throws Exception {
    ChunkCodec<Object> codec = schema.codec("p.Nic");
    Object sample = schema.call("p.Nic", "sample");
    byte[] data = encode(codec, sample);
    assertArrayEquals(Hex.decode(NIC), data);
    Object decoded = decode(codec, data);
    assertEquals(1, field(decoded, "p.Device", "loads"), "the base's @PostLoad ran");
    assertEquals(state(sample), state(decoded));
  }

  @Test
  void theDescriptionListsTheBasesFieldsFirstWithTheirDeclarations() {
    TypeDescription description = schema.codec("p.Nic").description().orElseThrow();
    assertEquals(
        List.of("id:string", "vendorId:short!u", "config:byte[]#2", "ctrl:int"),
        description.fields().stream().map(f -> f.layout()).collect(Collectors.toList()));
    assertEquals(
        List.of(new SubChunkField("msix", ChunkType.of("msXs"), "p.Msix", false)),
        description.subChunks());
    assertEquals("id", description.key());
    assertEquals("eth0", schema.codec("p.Nic").key(schema.call("p.Nic", "sample")));
  }

  @Test
  void aRestoreInPlaceCoversTheBasesFields() throws Exception {
    ChunkCodec<Object> codec = schema.codec("p.Nic");
    Object target = schema.type("p.Nic").getConstructor().newInstance();
    Object config = field(target, "p.PciFunction", "config");
    codec.decodeInto(target, WireReader.of(codec.type(), Hex.decode(NIC)));
    assertEquals(state(schema.call("p.Nic", "sample")), state(target));
    assertEquals(1, field(target, "p.Device", "loads"), "the base's @PostLoad ran on the target");
    assertSame(config, field(target, "p.PciFunction", "config"), "the final array, filled");
  }

  @Test
  void aBasesDeclarationsHoldInEverySubclass() {
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> decode(schema.codec("p.Nic"), Hex.decode("00000000 8086 00000003 010203")));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind(), e.getMessage());
    assertEquals("PciFunction.config has @FixedLength(2), but the stream's count is 3", e.detail());
  }

  @Test
  void aPublicBaseInAnotherPackageServesSubclassesEverywhere() throws Exception {
    GeneratedCodecs other =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "q.Bus",
                    "package q;",
                    "@io.chunkstate.annotation.ChunkBase",
                    "public abstract class Bus {",
                    "  public int irq;",
                    "  public transient int resets;",
                    "  @io.chunkstate.annotation.PreSave public void quiesce() { resets++; }",
                    "}"),
                source(
                    "p.Disk",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"DiSk\")",
                    "public class Disk extends q.Bus {",
                    "  long sectors;",
                    "  public static Disk sample() {",
                    "    Disk disk = new Disk();",
                    "    disk.irq = 14;",
                    "    disk.sectors = 2048;",
                    "    return disk;",
                    "  }",
                    "}")));
    ChunkCodec<Object> codec = other.codec("p.Disk");
    Object disk = other.call("p.Disk", "sample");
    byte[] data = encode(codec, disk);
    assertArrayEquals(Hex.decode("0000000E 0000000000000800"), data);
    assertEquals(1, other.type("q.Bus").getField("resets").get(disk), "the base's @PreSave ran");
    Object decoded = decode(codec, data);
    assertEquals(14, other.type("q.Bus").getField("irq").get(decoded));
  }

  /**
   * Bases with package-private state in packages of their own, one above the other, and two
   * subclasses in a third: each base gets one helper, in its package, that reaches its fields.
   */
  private static GeneratedCodecs packages() {
    return GeneratedCodecs.compile(
        List.of(
            source(
                "q.Bus",
                "package q;",
                "@io.chunkstate.annotation.ChunkBase",
                "public abstract class Bus {",
                "  @io.chunkstate.annotation.ChunkKey String slot;",
                "  @io.chunkstate.annotation.Unsigned byte irq;",
                "  Mode mode = Mode.OFF;",
                "  public String slot() { return slot; }",
                "}"),
            source("q.Mode", "package q;", "enum Mode { OFF, ON }"),
            source(
                "r.Pci",
                "package r;",
                "@io.chunkstate.annotation.ChunkBase",
                "public abstract class Pci extends q.Bus {",
                "  short vendor;",
                "  @io.chunkstate.annotation.FixedLength(3) final byte[] config = new byte[3];",
                "  public byte[] config() { return config; }",
                "  public void fill(short vendor, int seed) {",
                "    this.vendor = vendor;",
                "    for (int i = 0; i < 3; i++) config[i] = (byte) (seed + i);",
                "  }",
                "  public String pci() { return vendor + java.util.Arrays.toString(config); }",
                "}"),
            source(
                "p.Disk",
                "package p;",
                "@io.chunkstate.annotation.Chunk(\"DiSk\")",
                "public class Disk extends r.Pci {",
                "  long sectors;",
                "  public static Disk sample() {",
                "    Disk disk = new Disk();",
                "    disk.fill((short) 0x1AF4, 7);",
                "    disk.sectors = 2048;",
                "    return disk;",
                "  }",
                "  public String state() { return slot() + '/' + pci() + '/' + sectors; }",
                "}"),
            source(
                "p.Tape",
                "package p;",
                "@io.chunkstate.annotation.Chunk(\"TaPe\")",
                "public class Tape extends r.Pci {",
                "  int reels;",
                "}")));
  }

  /** A {@code p.Disk.sample()}: Bus's fields, then Pci's, then the disk's own. */
  private static final String DISK =
      "FFFFFFFF" // Bus.slot: null
          + " 00" // Bus.irq
          + " 00000003 4F4646" // Bus.mode: OFF, by name
          + " 1AF4" // Pci.vendor
          + " 00000003 070809" // Pci.config
          + " 0000000000000800"; // Disk.sectors

  @Test
  void aBaseWithPackagePrivateStateInAnotherPackageRoundTrips() throws Exception {
    GeneratedCodecs other = packages();
    ChunkCodec<Object> codec = other.codec("p.Disk");
    Object disk = other.call("p.Disk", "sample");
    byte[] data = encode(codec, disk);
    assertArrayEquals(Hex.decode(DISK), data);
    Object decoded = decode(codec, data);
    java.lang.reflect.Method state = other.type("p.Disk").getMethod("state");
    assertEquals(state.invoke(disk), state.invoke(decoded));
    assertEquals("null/6900[7, 8, 9]/2048", state.invoke(decoded));
  }

  @Test
  void aBaseInAnotherPackageIsRestoredInPlaceAndDescribed() throws Exception {
    GeneratedCodecs other = packages();
    ChunkCodec<Object> codec = other.codec("p.Disk");
    Object target = other.type("p.Disk").getConstructor().newInstance();
    Object config = other.type("r.Pci").getMethod("config").invoke(target);
    codec.decodeInto(target, WireReader.of(codec.type(), Hex.decode(DISK)));
    assertEquals("null/6900[7, 8, 9]/2048", other.type("p.Disk").getMethod("state").invoke(target));
    assertSame(config, other.type("r.Pci").getMethod("config").invoke(target), "filled in place");

    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> decode(codec, Hex.decode("FFFFFFFF 00 00000003 4F4646 1AF4 00000002 0708 00")));
    assertEquals("Pci.config has @FixedLength(3), but the stream's count is 2", e.detail());

    TypeDescription description = codec.description().orElseThrow();
    assertEquals(
        List.of("slot:string", "irq:byte!u", "mode:enum", "vendor:short",
            "config:byte[]#3", "sectors:long"),
        description.fields().stream().map(f -> f.layout()).collect(Collectors.toList()));
    assertEquals("slot", description.key());
    assertEquals(
        description.fields().subList(0, 5),
        other.codec("p.Tape").description().orElseThrow().fields().subList(0, 5),
        "both subclasses list the bases' fields as the helpers describe them");
  }

  @Test
  void eachBaseHasOneHelperInItsPackageThatCallsTheOneAbove() throws Exception {
    GeneratedCodecs other = packages();
    List<String> helpers =
        other.compilation().generatedSourceFiles().stream()
            .map(f -> f.getName())
            .filter(n -> n.endsWith("ChunkBase.java"))
            .sorted()
            .collect(Collectors.toList());
    assertEquals(2, helpers.size(), helpers.toString());
    assertTrue(helpers.get(0).endsWith("q/BusChunkBase.java"), helpers.toString());
    assertTrue(helpers.get(1).endsWith("r/PciChunkBase.java"), helpers.toString());
    String pci = other.compilation().generatedSourceFile("r.PciChunkBase").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(pci.contains("BusChunkBase.encode(state, out);"), pci);
    assertTrue(pci.contains("values.upper = BusChunkBase.read(in);"), pci);
    String disk = other.compilation().generatedSourceFile("p.DiskChunkCodec").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(disk.contains("PciChunkBase.encode(state, out);"), disk);
    assertFalse(
        disk.contains("BusChunkBase.encode"), "a codec calls only its nearest base's helper");
    assertTrue(disk.contains("return BusChunkBase.key(state);"), "the key, from its base's helper");
    assertEquals(
        other.type("q.BusChunkBase").getField("FIELDS").get(null),
        ((List<?>) other.type("r.PciChunkBase").getField("FIELDS").get(null)).subList(0, 3));
  }

  /**
   * A base of an earlier compilation: its helper comes from that compilation when it wrote one
   * (it had a subclass of the base), and is written into the base's package otherwise.
   */
  @Test
  void aLibrarysBaseIsServedByTheHelperItsCompilationWroteOrByANewOne(@TempDir Path temp)
      throws IOException {
    JavaFileObject bus =
        source(
            "q.Bus",
            "package q;",
            "@io.chunkstate.annotation.ChunkBase",
            "public abstract class Bus {",
            "  int irq;",
            "}");
    JavaFileObject disk =
        source(
            "p.Disk",
            "package p;",
            "@io.chunkstate.annotation.Chunk(\"DiSk\")",
            "public class Disk extends q.Bus {",
            "  long sectors;",
            "}");
    JavaFileObject card =
        source(
            "q.Card",
            "package q;",
            "@io.chunkstate.annotation.Chunk(\"CaRd\")",
            "public class Card extends Bus {",
            "  int slot;",
            "}");

    Compilation baseAlone = Compilations.compile(List.of(bus));
    assertThat(baseAlone).succeededWithoutWarnings();
    assertTrue(baseAlone.generatedSourceFile("q.BusChunkBase").isEmpty(), "no subclass, no helper");
    Compilation againstIt = compileAgainst(baseAlone, temp.resolve("alone"), disk);
    assertThat(againstIt).succeededWithoutWarnings();
    assertTrue(againstIt.generatedSourceFile("q.BusChunkBase").isPresent(), "written here");

    Compilation withSubclass = Compilations.compile(List.of(bus, card));
    assertThat(withSubclass).succeededWithoutWarnings();
    assertTrue(withSubclass.generatedSourceFile("q.BusChunkBase").isPresent());
    Compilation againstThat = compileAgainst(withSubclass, temp.resolve("with"), disk);
    assertThat(againstThat).succeededWithoutWarnings();
    assertTrue(
        againstThat.generatedSourceFile("q.BusChunkBase").isEmpty(), "the library's is used");
    assertTrue(againstThat.generatedSourceFile("p.DiskChunkCodec").isPresent());
  }

  /** Compiles {@code source} with the classes of {@code library}, written to {@code dir}. */
  private static Compilation compileAgainst(
      Compilation library, Path dir, JavaFileObject source) throws IOException {
    for (JavaFileObject file : library.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      Path target = dir.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + 13));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    List<File> classpath = new ArrayList<>();
    classpath.add(dir.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return Compiler.javac()
        .withProcessors(new ChunkProcessor())
        .withClasspath(classpath)
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(source);
  }

  /** The state of a {@code p.Nic}, every field of it and its bases, as text. */
  private static String state(Object nic) {
    return List.of(
            field(nic, "p.Device", "id"),
            field(nic, "p.Device", "msix"),
            field(nic, "p.PciFunction", "vendorId"),
            java.util.Arrays.toString((byte[]) field(nic, "p.PciFunction", "config")),
            field(nic, "p.Nic", "ctrl"))
        .toString();
  }

  private static Object field(Object owner, String declarer, String name) {
    try {
      Field field = schema.type(declarer).getDeclaredField(name);
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}

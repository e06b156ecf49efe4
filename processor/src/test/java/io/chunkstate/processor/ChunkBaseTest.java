package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.testing.Hex;
import io.chunkstate.wire.WireReader;
import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    assertEquals("Nic.config has @FixedLength(2), but the stream's count is 3", e.detail());
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

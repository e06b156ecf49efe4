package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.Fingerprint;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.wire.WireReader;
import io.chunkstate.testing.Hex;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arrays of sub-chunks (issue 13): a {@code C[]} field, C a {@code @Chunk} type, travels as a
 * {@code List<C>} does, one sub-chunk per element in order, reads back in stream order (an empty
 * array when none came), and a final one in a mutable class is filled in place.
 */
class SubChunkShapesTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "f.Drive",
                    "package f;",
                    "@io.chunkstate.annotation.Chunk(\"FdRv\")",
                    "public class Drive {",
                    "  public int track;",
                    "  public Drive() {}",
                    "  public Drive(int track) { this.track = track; }",
                    "}"),
                source(
                    "f.Controller",
                    "package f;",
                    "@io.chunkstate.annotation.Chunk(\"FcTl\")",
                    "public record Controller(int id, Drive[] drives) {",
                    "  public static Controller sample() {",
                    "    return new Controller(7, new Drive[] {new Drive(1), new Drive(2)});",
                    "  }",
                    "  public static Controller none() { return new Controller(7, null); }",
                    "  public static Controller holes() {",
                    "    return new Controller(7, new Drive[] {new Drive(1), null});",
                    "  }",
                    "}"),
                source(
                    "f.ListController",
                    "package f;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"FlCt\")",
                    "public record ListController(int id, List<Drive> drives) {",
                    "  public static ListController sample() {",
                    "    return new ListController(7, List.of(new Drive(1), new Drive(2)));",
                    "  }",
                    "}"),
                source(
                    "f.Spare",
                    "package f;",
                    "@io.chunkstate.annotation.Chunk(\"FsPr\")",
                    "public class Spare {",
                    "  public int track;",
                    "  public Spare() {}",
                    "  public Spare(int track) { this.track = track; }",
                    "}"),
                source(
                    "f.Bay",
                    "package f;",
                    "@io.chunkstate.annotation.Chunk(\"FbAy\")",
                    "public class Bay {",
                    "  public final Drive[] drives;",
                    "  public Spare[] spares;",
                    "  public Bay() { this(2); }",
                    "  public Bay(int n) {",
                    "    drives = new Drive[n];",
                    "    for (int i = 0; i < n; i++) { drives[i] = new Drive(); }",
                    "  }",
                    "}"),
                source(
                    "x.Endpoint",
                    "package x;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Endpoint(byte state, long[] rings, java.util.List<Long> marks) {}"),
                source(
                    "x.Slot",
                    "package x;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Slot(int id, Endpoint[] endpoints, java.util.List<Endpoint[]> spare) {}"),
                source(
                    "x.Link",
                    "package x;",
                    "@io.chunkstate.annotation.Chunk(\"XlNk\")",
                    "public record Link(int speed) {}"),
                source(
                    "x.Port",
                    "package x;",
                    "@io.chunkstate.annotation.Chunk(\"XpRt\")",
                    "public record Port(int number, Slot[] slots, Link[] links) {}"),
                source(
                    "x.Xhci",
                    "package x;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"XhCi\")",
                    "public record Xhci(int id, Slot[] slots, List<Port> ports) {",
                    "  static Endpoint endpoint(int n) {",
                    "    return new Endpoint((byte) n, new long[] {n, -n}, List.of((long) n));",
                    "  }",
                    "  static Slot slot(int id) {",
                    "    return new Slot(id, new Endpoint[] {endpoint(1), null, endpoint(2)},",
                    "        List.of(new Endpoint[] {endpoint(3)}, new Endpoint[0]));",
                    "  }",
                    "  public static Xhci sample() {",
                    "    return new Xhci(1, new Slot[] {slot(1), null, slot(2)}, List.of(",
                    "        new Port(1, new Slot[] {slot(3)}, new Link[] {new Link(5), new Link(10)}),",
                    "        new Port(2, null, new Link[0])));",
                    "  }",
                    "}")));
  }

  @Test
  void anArrayOfSubChunksHasTheBytesOfAList() throws Exception {
    ChunkCodec<Object> arrays = schema.codec("f.Controller");
    ChunkCodec<Object> lists = schema.codec("f.ListController");
    byte[] array = encode(arrays, schema.call("f.Controller", "sample"));
    assertArrayEquals(encode(lists, schema.call("f.ListController", "sample")), array);
    // Id 7, then one FdRv sub-chunk per drive (length 4, type, track, CRC), in order.
    assertEquals(4 + 2 * 16, array.length);
    assertArrayEquals(
        Hex.decode("00000007 00000004 46645276 00000001"), Arrays.copyOfRange(array, 0, 16));
    assertArrayEquals(
        Hex.decode("00000004 46645276 00000002"), Arrays.copyOfRange(array, 20, 32));

    Object decoded = decode(arrays, array);
    Object[] drives = (Object[]) decoded.getClass().getMethod("drives").invoke(decoded);
    assertEquals(schema.type("f.Drive"), drives.getClass().getComponentType());
    assertEquals(2, drives.length);
    assertEquals(1, schema.type("f.Drive").getField("track").getInt(drives[0]));
    assertEquals(2, schema.type("f.Drive").getField("track").getInt(drives[1]));
  }

  @Test
  void aNullArrayWritesNothingAndReadsBackEmpty() throws Exception {
    ChunkCodec<Object> codec = schema.codec("f.Controller");
    byte[] none = encode(codec, schema.call("f.Controller", "none"));
    assertArrayEquals(new byte[] {0, 0, 0, 7}, none);
    Object decoded = decode(codec, none);
    Object drives = decoded.getClass().getMethod("drives").invoke(decoded);
    assertEquals(0, Array.getLength(drives));
  }

  @Test
  void aNullElementIsRefusedAsInAList() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> encode(schema.codec("f.Controller"), schema.call("f.Controller", "holes")));
    assertEquals(
        "Controller.drives holds null at index 1, but each element of a list or array of"
            + " sub-chunks travels as one sub-chunk, and null has none",
        e.getMessage());
  }

  @Test
  void anArrayIsDescribedAsAListIs() {
    SubChunkField array =
        schema.codec("f.Controller").description().orElseThrow().subChunks().get(0);
    SubChunkField list =
        schema.codec("f.ListController").description().orElseThrow().subChunks().get(0);
    assertEquals(new SubChunkField("drives", ChunkType.of("FdRv"), "f.Drive", true), array);
    assertEquals(list, array);
  }

  @Test
  void aFinalArrayOfSubChunksIsFilledInPlaceAndItsDrivesAppliedInPlace() throws Exception {
    ChunkCodec<Object> bays = schema.codec("f.Bay");
    Object source = schema.type("f.Bay").getConstructor().newInstance();
    Object[] sourceDrives = drives(source);
    sourceDrives[0].getClass().getField("track").setInt(sourceDrives[0], 40);
    sourceDrives[1].getClass().getField("track").setInt(sourceDrives[1], 41);
    Object target = schema.type("f.Bay").getConstructor().newInstance();
    Object[] targetDrives = drives(target);
    Object firstDrive = targetDrives[0];

    assertNull(bays.applyMismatch(decode(bays, encode(bays, source)), target));
    bays.decodeInto(target, WireReader.of(bays.type(), encode(bays, source)));

    assertSame(targetDrives, drives(target));
    assertSame(firstDrive, targetDrives[0], "the drive object itself is restored");
    assertEquals(40, firstDrive.getClass().getField("track").getInt(firstDrive));
    assertEquals(41, targetDrives[1].getClass().getField("track").getInt(targetDrives[1]));
  }

  @Test
  void aFinalArrayOfSubChunksOfAnotherLengthIsRefusedAndNothingIsApplied() throws Exception {
    ChunkCodec<Object> bays = schema.codec("f.Bay");
    // A stream with three drives: a new Bay holds two.
    Object three = schema.type("f.Bay").getConstructor().newInstance();
    byte[] two = encode(bays, three);
    byte[] drive = Arrays.copyOfRange(two, 0, two.length / 2);
    byte[] data = new byte[two.length + drive.length];
    System.arraycopy(two, 0, data, 0, two.length);
    System.arraycopy(drive, 0, data, two.length, drive.length);

    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> decode(bays, data));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(
        e.getMessage().contains("drives is a final array, filled in place, so its length"),
        e.getMessage());
  }

  @Test
  void aTargetWhoseFinalArrayHasAnotherLengthIsRefusedBeforeAnythingIsApplied()
      throws Exception {
    ChunkCodec<Object> bays = schema.codec("f.Bay");
    Object source = schema.type("f.Bay").getConstructor().newInstance();
    Object sourceDrive = drives(source)[0];
    sourceDrive.getClass().getField("track").setInt(sourceDrive, 40);
    byte[] data = encode(bays, source);
    Object target = schema.type("f.Bay").getConstructor(int.class).newInstance(3);
    byte[] before = encode(bays, target);

    assertEquals(
        "drives is a final array, filled in place, so its length cannot change: the target holds"
            + " 3 elements and the stream 2 elements",
        bays.applyMismatch(decode(bays, data), target));
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> bays.decodeInto(target, WireReader.of(bays.type(), data)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertArrayEquals(before, encode(bays, target), "no drive of the target changed");
  }

  @Test
  void aSpareArrayOfTheSameLengthIsAppliedElementByElementAndAnotherLengthAssigned()
      throws Exception {
    ChunkCodec<Object> bays = schema.codec("f.Bay");
    Class<?> drive = schema.type("f.Spare");
    Object source = schema.type("f.Bay").getConstructor().newInstance();
    Object[] spares = (Object[]) Array.newInstance(drive, 1);
    spares[0] = drive.getConstructor(int.class).newInstance(9);
    source.getClass().getField("spares").set(source, spares);

    Object target = schema.type("f.Bay").getConstructor().newInstance();
    Object[] targetSpares = (Object[]) Array.newInstance(drive, 1);
    Object liveSpare = drive.getConstructor(int.class).newInstance(0);
    targetSpares[0] = liveSpare;
    target.getClass().getField("spares").set(target, targetSpares);
    bays.decodeInto(target, WireReader.of(bays.type(), encode(bays, source)));
    assertSame(targetSpares, target.getClass().getField("spares").get(target));
    assertSame(liveSpare, targetSpares[0]);
    assertEquals(9, drive.getField("track").getInt(liveSpare));

    Object other = schema.type("f.Bay").getConstructor().newInstance();
    other.getClass().getField("spares").set(other, Array.newInstance(drive, 3));
    bays.decodeInto(other, WireReader.of(bays.type(), encode(bays, source)));
    Object[] assigned = (Object[]) other.getClass().getField("spares").get(other);
    assertEquals(1, assigned.length);
    assertEquals(9, drive.getField("track").getInt(assigned[0]));
  }

  @Test
  void arraysOfStructsInsideStructsSeveralLevelsDeepRoundTripWithSubChunkArraysInSubChunks()
      throws Exception {
    ChunkCodec<Object> xhcis = schema.codec("x.Xhci");
    Object sample = schema.call("x.Xhci", "sample");
    byte[] data = encode(xhcis, sample);
    Object decoded = decode(xhcis, data);
    assertArrayEquals(data, encode(xhcis, decoded), "what was read writes the same bytes");
    Object[] slots = (Object[]) component(decoded, "slots");
    assertEquals(3, slots.length);
    assertNull(slots[1]);
    Object[] endpoints = (Object[]) component(slots[2], "endpoints");
    assertNull(endpoints[1]);
    assertArrayEquals(new long[] {2, -2}, (long[]) component(endpoints[2], "rings"));
    assertEquals(List.of(2L), component(endpoints[2], "marks"));
    List<?> spare = (List<?>) component(slots[2], "spare");
    assertEquals(3, (byte) component(((Object[]) spare.get(0))[0], "state"));
    assertEquals(0, ((Object[]) spare.get(1)).length);

    // The second port had no slots (null) and no links: it reads back with an empty link array.
    Object port = ((List<?>) decoded.getClass().getMethod("ports").invoke(decoded)).get(1);
    assertEquals(0, ((Object[]) port.getClass().getMethod("links").invoke(port)).length);
    TypeDescription description = xhcis.description().orElseThrow();
    assertEquals(
        "id:int,slots:struct{id:int,endpoints:struct{state:byte,rings:long[],marks:long?[]}[],"
            + "spare:struct{state:byte,rings:long[],marks:long?[]}[][]}[]",
        Fingerprint.layout(description.fields()));
    assertEquals(
        List.of(new SubChunkField("links", ChunkType.of("XlNk"), "x.Link", true)),
        schema.codec("x.Port").description().orElseThrow().subChunks());
  }

  private static Object component(Object record, String name)
      throws ReflectiveOperationException {
    return record.getClass().getMethod(name).invoke(record);
  }

  private static Object[] drives(Object bay) throws ReflectiveOperationException {
    return (Object[]) bay.getClass().getField("drives").get(bay);
  }
}

package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A state with thousands of fields, more than one method's 64 KiB of bytecode can read or write:
 * its codec splits the work over several methods, compiles without warnings, and round-trips,
 * sub-chunks of every kind included (a class's, a declared struct's, an array of them).
 */
class LargeSchemaTest {
  private static final int FIELDS = 3000;
  private static final List<String> TYPES =
      List.of("int", "String", "List<String>", "Integer", "long[]", "Mode", "Pt", "Pt[]");

  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    List<String> big = new ArrayList<>(List.of(
        "package big;",
        "import java.util.List;",
        "@io.chunkstate.annotation.Chunk(\"BiGs\")",
        "public class Big {"));
    for (int i = 0; i < FIELDS; i++) {
      big.add("  public " + TYPES.get(i % TYPES.size()) + " f" + i + ";");
    }
    big.add("  public Twig twig;");
    big.add("  @io.chunkstate.annotation.SubChunk(\"ptSc\") public Pt pt;");
    big.add("  public Leaf[] leaves;");
    big.add("}");
    List<String> wide = new ArrayList<>(List.of(
        "package big;",
        "import java.util.List;",
        "@io.chunkstate.annotation.Chunk(\"WiDe\")",
        "public record Wide("));
    for (int i = 0; i < 250; i++) {
      wide.add("  List<List<Mode>> f" + i + (i < 249 ? "," : ") {}"));
    }
    List<String> heavy = new ArrayList<>(List.of(
        "package big;",
        "import java.util.List;",
        "@io.chunkstate.annotation.Chunk(\"HeVy\")",
        "public class Heavy extends Root {"));
    for (int i = 0; i < FIELDS; i++) {
      heavy.add("  public " + TYPES.get(i % TYPES.size()) + " f" + i + ";");
    }
    heavy.add("}");
    schema =
        GeneratedCodecs.compile(
            List.of(
                source("big.Big", big.toArray(new String[0])),
                source("big.Heavy", heavy.toArray(new String[0])),
                source(
                    "big.Root",
                    "package big;",
                    "@io.chunkstate.annotation.ChunkBase",
                    "public abstract class Root {",
                    "  public int f9000;",
                    "  public String f9001;",
                    "}"),
                source("big.Wide", wide.toArray(new String[0])),
                source("big.Mode", "package big;", "public enum Mode { ON, OFF, STANDBY }"),
                source(
                    "big.Pt",
                    "package big;",
                    "@io.chunkstate.annotation.ChunkStruct",
                    "public record Pt(int x, String label) {}"),
                source(
                    "big.Leaf",
                    "package big;",
                    "@io.chunkstate.annotation.Chunk(\"leAf\")",
                    "public record Leaf(int v) {}"),
                source(
                    "big.Twig",
                    "package big;",
                    "@io.chunkstate.annotation.Chunk(\"twIg\")",
                    "public record Twig(int v) {}")));
  }

  @Test
  void aClassOfThreeThousandFieldsRoundTrips() throws Exception {
    ChunkCodec<Object> codec = schema.codec("big.Big");
    Object state = filled(codec.stateClass());
    byte[] data = encode(codec, state);
    Object decoded = decode(codec, data);
    for (Field field : codec.stateClass().getFields()) {
      assertDeepEquals(field.get(state), field.get(decoded));
    }
    assertArrayEquals(data, encode(codec, decoded));
  }

  @Test
  void decodeIntoALargeTargetSetsEveryField() throws Exception {
    ChunkCodec<Object> codec = schema.codec("big.Big");
    Object state = filled(codec.stateClass());
    Object target = codec.stateClass().getConstructor().newInstance();
    codec.decodeInto(target, WireReader.of(codec.type(), encode(codec, state)));
    for (Field field : codec.stateClass().getFields()) {
      assertDeepEquals(field.get(state), field.get(target));
    }
  }

  @Test
  void aFailedDecodeIntoLeavesALargeTargetUnchanged() throws Exception {
    ChunkCodec<Object> codec = schema.codec("big.Big");
    byte[] data = encode(codec, filled(codec.stateClass()));
    byte[] cut = Arrays.copyOf(data, data.length - 13); // inside the last leaf's sub-chunk
    Object target = codec.stateClass().getConstructor().newInstance();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> codec.decodeInto(target, WireReader.of(codec.type(), cut)));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    for (Field field : codec.stateClass().getFields()) {
      if (!field.getType().isPrimitive()) {
        assertEquals(null, field.get(target), field.getName());
      } else {
        assertEquals(0, field.get(target), field.getName());
      }
    }
  }

  @Test
  void aRecordWhoseComponentsNeedMoreThanOneMethodRoundTrips() throws Exception {
    ChunkCodec<Object> codec = schema.codec("big.Wide");
    Class<?> mode = schema.type("big.Mode");
    Object[] values = new Object[250];
    for (int i = 0; i < values.length; i++) {
      Object constant = mode.getEnumConstants()[i % 3];
      values[i] = i % 7 == 0 ? null : List.of(List.of(constant), Arrays.asList(constant, null));
    }
    Class<?>[] types = new Class<?>[250];
    Arrays.fill(types, List.class);
    Object wide = codec.stateClass().getConstructor(types).newInstance(values);
    byte[] data = encode(codec, wide);
    assertDeepEquals(wide, decode(codec, data));
  }

  /** A split codec calls its base's helper first, in each of encode, decode and apply. */
  @Test
  void aSplitClassWithABaseRoundTripsAndIsRestoredInPlace() throws Exception {
    ChunkCodec<Object> codec = schema.codec("big.Heavy");
    Object state = filled(codec.stateClass());
    assertEquals(9000, codec.stateClass().getField("f9000").get(state), "the base's, filled");
    byte[] data = encode(codec, state);
    Object decoded = decode(codec, data);
    Object target = codec.stateClass().getConstructor().newInstance();
    codec.decodeInto(target, WireReader.of(codec.type(), data));
    for (Field field : codec.stateClass().getFields()) {
      assertDeepEquals(field.get(state), field.get(decoded));
      assertDeepEquals(field.get(state), field.get(target));
    }
    TypeDescription description = codec.description().orElseThrow();
    assertEquals(FIELDS + 2, description.fields().size());
    assertEquals(
        List.of("f9000", "f9001", "f0"),
        description.fields().subList(0, 3).stream().map(f -> f.name()).toList());
    String source =
        GoldenTest.read(
            schema.compilation().generatedSourceFile("big.HeavyChunkCodec").orElseThrow());
    assertTrue(source.contains("private static void readPart1("), "reads in several parts");
    assertTrue(source.contains("RootChunkBase.set(value, inherited, in);"), "sets the base's");
  }

  /** The description of a class this large is built in parts too, and lists every field. */
  @Test
  void aClassOfThreeThousandFieldsIsDescribed() {
    ChunkCodec<Object> codec = schema.codec("big.Big");
    TypeDescription description = codec.description().orElseThrow();
    assertEquals(codec.type(), description.type());
    assertEquals("big.Big", description.className());
    assertEquals(FIELDS, description.fields().size());
    for (int i = 0; i < FIELDS; i++) {
      assertEquals("f" + i, description.fields().get(i).name());
    }
    assertEquals(
        List.of("twig", "pt", "leaves"),
        description.subChunks().stream().map(s -> s.name()).toList());
    assertTrue(description.subChunks().get(1).declared());
    assertTrue(description.subChunks().get(2).list());
  }

  @Test
  void theSplitCodecIsReallySplit() {
    String source =
        GoldenTest.read(
            schema
                .compilation()
                .generatedSourceFile("big.BigChunkCodec")
                .orElseThrow());
    assertTrue(source.contains("private static void readPart1("), "reads in several parts");
    assertTrue(source.contains("private static void encodePart1("), "writes in several parts");
    assertTrue(source.contains("private static void describeFields1("), "describes in parts");
  }

  /** A state whose every field holds something, different from field to field. */
  private static Object filled(Class<?> type) throws Exception {
    Object state = type.getConstructor().newInstance();
    Class<?> mode = schema.type("big.Mode");
    Class<?> pt = schema.type("big.Pt");
    for (Field field : type.getFields()) {
      int i = field.getName().startsWith("f") ? Integer.parseInt(field.getName().substring(1)) : 0;
      Object pointValue = pt.getConstructor(int.class, String.class).newInstance(i, "p" + i);
      Object value =
          switch (field.getType().getSimpleName()) {
            case "int" -> i;
            case "String" -> "s" + i;
            case "List" -> Arrays.asList("a" + i, null);
            case "Integer" -> i % 3 == 0 ? null : i;
            case "long[]" -> new long[] {i, -i};
            case "Mode" -> mode.getEnumConstants()[i % 3];
            case "Pt" -> pointValue;
            case "Pt[]" -> {
              Object array = java.lang.reflect.Array.newInstance(pt, 2);
              java.lang.reflect.Array.set(array, 0, pointValue);
              yield array;
            }
            case "Twig" -> schema.type("big.Twig").getConstructor(int.class).newInstance(7);
            case "Leaf[]" -> {
              Class<?> leaf = schema.type("big.Leaf");
              Object array = java.lang.reflect.Array.newInstance(leaf, 2);
              java.lang.reflect.Array.set(array, 0, leaf.getConstructor(int.class).newInstance(8));
              java.lang.reflect.Array.set(array, 1, leaf.getConstructor(int.class).newInstance(9));
              yield array;
            }
            default -> throw new AssertionError(field);
          };
      field.set(state, value);
    }
    return state;
  }
}

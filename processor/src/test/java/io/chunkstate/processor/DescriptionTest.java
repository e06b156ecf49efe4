package io.chunkstate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chunkstate.ChunkCodec;
import io.chunkstate.processor.generation.RegistryJson;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Fingerprint;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Each generated codec returns its type's description, and the registry file says the same: one
 * model behind both, whose fingerprint is the one of SPEC §8.
 */
class DescriptionTest {
  private static final GeneratedCodecs SCHEMA =
      GeneratedCodecs.compile(Compilations.sources("schema"));

  private static JsonObject registry() {
    try {
      return JsonParser.parseString(
              SCHEMA
                  .compilation()
                  .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/chunkstate/registry.json")
                  .orElseThrow()
                  .getCharContent(false)
                  .toString())
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyCodecsDescriptionAgreesWithTheRegistry() {
    JsonObject registry = registry();
    assertEquals(2, registry.get("format").getAsInt());
    JsonArray chunks = registry.getAsJsonArray("chunks");
    assertEquals(13, chunks.size());
    for (JsonElement element : chunks) {
      JsonObject chunk = element.getAsJsonObject();
      ChunkCodec<Object> codec = SCHEMA.codec(chunk.get("class").getAsString());
      TypeDescription description = codec.description().orElseThrow();
      assertEquals(chunk.get("code").getAsString(), description.type().code());
      assertEquals(codec.stateClass().getName(), description.className());
      assertEquals(chunk.get("fingerprint").getAsString(), description.fingerprint().toString());
      assertEquals(chunk.get("layout").getAsString(), Fingerprint.layout(description.fields()));
      JsonArray fields = chunk.getAsJsonArray("fields");
      assertEquals(fields.size(), description.fields().size());
      for (int i = 0; i < fields.size(); i++) {
        JsonObject field = fields.get(i).getAsJsonObject();
        FieldDescription described = description.fields().get(i);
        assertEquals(field.get("name").getAsString(), described.name());
        assertEquals(field.get("wire").getAsString(), described.wire().descriptor());
        assertEquals(field.get("type").getAsString(), described.javaType());
      }
      assertEquals(chunk.getAsJsonArray("subChunks").size(), description.subChunks().size());
      assertEquals(
          chunk.has("key") ? chunk.get("key").getAsString() : null,
          description.key(),
          "the key, named by both or by neither");
    }
  }

  @Test
  void everyCodecsDescriptionTravelsInADescChunkUnchanged() throws Exception {
    List<TypeDescription> descriptions = new ArrayList<>();
    for (JsonElement element : registry().getAsJsonArray("chunks")) {
      String className = element.getAsJsonObject().get("class").getAsString();
      descriptions.add(SCHEMA.codec(className).description().orElseThrow());
    }
    List<TypeDescription> decoded = DescChunk.decode(DescChunk.encode(descriptions), 0);
    descriptions.sort(Comparator.comparing(TypeDescription::type));
    assertEquals(descriptions, decoded);
  }

  @Test
  void theRegistryReadsBackToEveryCodecsDescription() throws IOException {
    String text =
        SCHEMA
            .compilation()
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/chunkstate/registry.json")
            .orElseThrow()
            .getCharContent(false)
            .toString();
    List<TypeDescription> read = RegistryJson.read(new StringReader(text));
    List<TypeDescription> described = new ArrayList<>();
    for (TypeDescription type : read) {
      described.add(SCHEMA.codec(type.className()).description().orElseThrow());
    }
    assertEquals(13, read.size());
    assertEquals(described, read, "fields, wire types, enum constants, structs, sub-chunks, keys");
  }

  @Test
  void theReaderRefusesAnotherFormatAndIgnoresUnknownMembers() throws IOException {
    IOException refused =
        assertThrows(
            IOException.class,
            () -> RegistryJson.read(new StringReader("{\"format\": 1, \"chunks\": []}")));
    assertTrue(refused.getMessage().contains("format 1"), refused.getMessage());
    assertTrue(refused.getMessage().contains("format 2 only"), refused.getMessage());
    assertThrows(IOException.class, () -> RegistryJson.read(new StringReader("[1, 2")));

    String file =
        "{\"format\": 2, \"future\": {}, \"chunks\": [{\"code\": \"RtCl\", \"class\": \"p.Rtc\","
            + " \"critical\": false, \"later\": 1, \"key\": \"index\", \"fields\": ["
            + "{\"name\": \"index\", \"wire\": \"int\", \"type\": \"int\", \"unsigned\": true},"
            + "{\"name\": \"name\", \"wire\": \"string\", \"type\": \"String\", \"fixedLength\": 8},"
            + "{\"name\": \"modes\", \"wire\": \"enum<p.Mode>[]\", \"type\": \"p.Mode[]\"},"
            + "{\"name\": \"at\", \"wire\": \"struct<p.Pt>?\", \"type\": \"p.Pt\"}"
            + "]}], \"structs\": []}";
    IOException badWire =
        assertThrows(IOException.class, () -> RegistryJson.read(new StringReader(file)));
    assertTrue(badWire.getMessage().contains("struct<p.Pt"), badWire.getMessage());

    TypeDescription rtc =
        RegistryJson.read(new StringReader(file.replace("struct<p.Pt>?", "long?"))).get(0);
    assertEquals("index", rtc.key());
    assertEquals(
        List.of(
            new FieldDescription("index", WireType.Primitive.INT, "int", true, -1),
            new FieldDescription("name", WireType.TEXT, "String", false, 8),
            FieldDescription.of(
                "modes", new WireType.Sequence(new WireType.EnumType("p.Mode", List.of())),
                "p.Mode[]"),
            FieldDescription.of(
                "at", new WireType.Boxed(WireType.Primitive.LONG), "p.Pt")),
        rtc.fields(),
        "declarations read; an enum without 'constants' (a file of before) has none");
  }

  @Test
  void aKeyIsNamedByTheDescriptionAndTheRegistry() {
    assertEquals("index", SCHEMA.codec("example.Clock").description().orElseThrow().key());
    assertEquals("address", SCHEMA.codec("example.Port").description().orElseThrow().key());
    assertEquals(null, SCHEMA.codec("example.Board").description().orElseThrow().key());
  }

  @Test
  void aBoardIsDescribedFieldByField() {
    TypeDescription board = SCHEMA.codec("example.Board").description().orElseThrow();
    WireType point =
        new WireType.Struct(
            "example.Point",
            List.of(
                FieldDescription.of("x", WireType.Primitive.INT, "int"),
                FieldDescription.of("y", WireType.Primitive.INT, "int")));
    assertEquals(
        List.of(
            FieldDescription.of("id", WireType.Primitive.INT, "int"),
            FieldDescription.of("origin", point, "example.Point")),
        board.fields());
    assertEquals("id:int,origin:struct{x:int,y:int}", Fingerprint.layout(board.fields()));
    assertEquals(
        List.of("first slOt example.Board$Slot one", "more slOT example.Board$Slot2 list",
            "counter CoUn example.Counter one", "latch laTc example.Board$Latch one"),
        board.subChunks().stream()
            .map(s -> s.name() + " " + s.type().code() + " " + s.className() + " "
                + (s.list() ? "list" : "one"))
            .toList());
  }
}

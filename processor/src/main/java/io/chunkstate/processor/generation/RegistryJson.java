package io.chunkstate.processor.generation;

import com.google.gson.stream.JsonWriter;
import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The text of {@code META-INF/chunkstate/registry.json} (SPEC §8): every chunk and struct type of
 * a compilation, with what a tool needs to decode their data without loading a class. Chunks are
 * sorted by code then class, structs by class, so the same schema always gives the same bytes.
 */
public final class RegistryJson {
  /** The version of this file's layout. */
  public static final int FORMAT = 1;

  /** The path of the file in the class output. */
  public static final String PATH = "META-INF/chunkstate/registry.json";

  private RegistryJson() {}

  /** The registry for these chunk and struct types, in any order. */
  public static String of(List<ChunkModel> chunks, List<ClassModel> structs) {
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("format").value(FORMAT);
      json.name("chunks").beginArray();
      for (ChunkModel chunk : sortedChunks(chunks)) {
        writeChunk(json, chunk);
      }
      json.endArray();
      json.name("structs").beginArray();
      for (ClassModel struct : sortedStructs(structs)) {
        json.beginObject();
        json.name("class").value(struct.name().binaryName());
        json.name("layout").value(struct.inlineLayout());
        json.name("fingerprint").value(ChunkModel.fingerprint(struct.inlineLayout()));
        writeFields(json, struct);
        json.endObject();
      }
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does no I/O", e);
    }
    return text.append('\n').toString();
  }

  /** Chunks in the order the registry and the services file list them: by code, then class. */
  public static List<ChunkModel> sortedChunks(List<ChunkModel> chunks) {
    return chunks.stream()
        .sorted(
            Comparator.comparing(ChunkModel::code)
                .thenComparing(c -> c.type().name().binaryName()))
        .toList();
  }

  private static List<ClassModel> sortedStructs(List<ClassModel> structs) {
    return structs.stream().sorted(Comparator.comparing(s -> s.name().binaryName())).toList();
  }

  private static void writeChunk(JsonWriter json, ChunkModel chunk) throws IOException {
    ChunkType type = ChunkType.of(chunk.code());
    ClassModel model = chunk.type();
    json.beginObject();
    json.name("code").value(chunk.code());
    json.name("class").value(model.name().binaryName());
    json.name("codec").value(chunk.codecName().binaryName());
    json.name("critical").value(type.isCritical());
    json.name("public").value(type.isPublic());
    json.name("safeToCopy").value(type.isSafeToCopy());
    json.name("layout").value(chunk.layout());
    json.name("fingerprint").value(chunk.fingerprint());
    writeFields(json, model);
    json.name("subChunks").beginArray();
    for (FieldModel field : model.subChunkFields()) {
      json.beginObject();
      SubChunkField subChunk = SubChunkField.of(field);
      json.name("name").value(field.name());
      json.name("code").value(subChunk.code());
      json.name("class").value(subChunk.type().binaryName());
      json.name("list").value(subChunk.list());
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void writeFields(JsonWriter json, ClassModel model) throws IOException {
    json.name("fields").beginArray();
    for (FieldModel field : model.inlineFields()) {
      json.beginObject();
      json.name("name").value(field.name());
      json.name("wire").value(field.type().descriptor());
      json.name("type").value(JavaTypes.javaType(field.type()).toString());
      json.endObject();
    }
    json.endArray();
  }
}

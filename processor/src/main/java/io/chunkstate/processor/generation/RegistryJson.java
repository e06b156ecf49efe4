package io.chunkstate.processor.generation;

import com.google.gson.stream.JsonWriter;
import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Fingerprint;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The text of {@code META-INF/chunkstate/registry.json} (SPEC §8, docs/REGISTRY.md): every chunk
 * and struct type of a compilation, described by the runtime's schema model, with what a tool
 * needs to decode their data without loading a class. Chunks are sorted by code then class,
 * structs by class, so the same schema always gives the same bytes.
 */
public final class RegistryJson {
  /** The version of this file's layout: docs/REGISTRY.md says what each version holds. */
  public static final int FORMAT = 2;

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
        WireType.Struct description = Descriptions.struct(struct);
        json.beginObject();
        json.name("class").value(description.className());
        writeLayout(json, description.fields());
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
    TypeDescription description = Descriptions.of(chunk);
    ChunkType type = description.type();
    json.beginObject();
    json.name("code").value(type.code());
    json.name("class").value(description.className());
    json.name("codec").value(chunk.codecName().binaryName());
    json.name("critical").value(type.isCritical());
    json.name("public").value(type.isPublic());
    json.name("safeToCopy").value(type.isSafeToCopy());
    if (description.key() != null) {
      json.name("key").value(description.key());
    }
    writeLayout(json, description.fields());
    json.name("subChunks").beginArray();
    for (SubChunkField field : description.subChunks()) {
      json.beginObject();
      json.name("name").value(field.name());
      json.name("code").value(field.type().code());
      json.name("class").value(field.className());
      json.name("list").value(field.list());
      if (field.declared()) {
        json.name("declared").value(true);
      }
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  /** The fingerprint and layout of SPEC §8, then the inline fields. */
  private static void writeLayout(JsonWriter json, List<FieldDescription> fields)
      throws IOException {
    json.name("fingerprint").value(Fingerprint.of(fields).toString());
    json.name("layout").value(Fingerprint.layout(fields));
    json.name("fields").beginArray();
    for (FieldDescription field : fields) {
      json.beginObject();
      json.name("name").value(field.name());
      json.name("wire").value(field.wire().descriptor());
      json.name("type").value(field.javaType());
      if (field.unsigned()) {
        json.name("unsigned").value(true);
      }
      if (field.fixedLength() >= 0) {
        json.name("fixedLength").value(field.fixedLength());
      }
      WireType element = elementOf(field.wire());
      if (element instanceof WireType.EnumType enumType) {
        writeConstants(json, enumType.constants());
      } else if (element instanceof WireType.EnumValueType enumValue) {
        writeConstants(json, enumValue.constants());
        json.name("values").beginArray();
        for (int value : enumValue.values()) {
          json.value(value);
        }
        json.endArray();
      }
      json.endObject();
    }
    json.endArray();
  }

  private static void writeConstants(JsonWriter json, List<String> constants) throws IOException {
    json.name("constants").beginArray();
    for (String constant : constants) {
      json.value(constant);
    }
    json.endArray();
  }

  /** The wire type of a field's value, or of each element of it for a sequence. */
  private static WireType elementOf(WireType wire) {
    WireType element = wire;
    while (element instanceof WireType.Sequence sequence) {
      element = sequence.element();
    }
    return element;
  }

  /**
   * The chunk types a registry file describes, in the file's order, as the schema model: what a
   * tool (or the processor's compatibility gate) compares with another release's. It reads format
   * {@value #FORMAT} and refuses any other, ignores members it does not know, and takes an absent
   * optional member as its default (docs/REGISTRY.md).
   *
   * @throws IOException if the text cannot be read, is not a registry file, or is of another format
   */
  public static List<TypeDescription> read(Reader in) throws IOException {
    return RegistryReader.read(in);
  }
}

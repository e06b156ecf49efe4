package io.chunkstate.processor.generation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a registry file of format {@value RegistryJson#FORMAT} back into the schema model: the
 * other half of {@link RegistryJson}. Wire descriptors are parsed back into wire types, and a
 * {@code struct<class>} is resolved from the file's {@code structs}.
 */
final class RegistryReader {
  private final Map<String, JsonObject> structEntries = new HashMap<>();
  private final Map<String, WireType.Struct> structs = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  private RegistryReader() {}

  static List<TypeDescription> read(Reader in) throws IOException {
    JsonElement root;
    try {
      root = JsonParser.parseReader(in);
    } catch (JsonParseException e) {
      throw new IOException("not a registry file: not JSON (" + e.getMessage() + ")", e);
    }
    try {
      return new RegistryReader().registry(root);
    } catch (IllegalStateException
        | IllegalArgumentException
        | UnsupportedOperationException
        | ClassCastException
        | NullPointerException e) {
      // Gson's getAs… methods throw these on a member of the wrong kind, or an absent one.
      throw new IOException("not a registry file of format " + RegistryJson.FORMAT + ": "
          + e.getMessage(), e);
    }
  }

  private List<TypeDescription> registry(JsonElement root) throws IOException {
    if (!root.isJsonObject()) {
      throw new IOException("not a registry file: the top level is not an object");
    }
    JsonObject file = root.getAsJsonObject();
    JsonElement format = file.get("format");
    if (format == null) {
      throw new IOException("not a registry file: it has no 'format'");
    }
    if (!format.isJsonPrimitive()
        || !format.getAsJsonPrimitive().isNumber()
        || format.getAsInt() != RegistryJson.FORMAT) {
      throw new IOException(
          "a registry file of format " + format + ", and this reader reads format "
              + RegistryJson.FORMAT + " only (docs/REGISTRY.md); rebuild it with this version");
    }
    for (JsonElement struct : array(file, "structs")) {
      JsonObject entry = struct.getAsJsonObject();
      structEntries.put(entry.get("class").getAsString(), entry);
    }
    List<TypeDescription> chunks = new ArrayList<>();
    for (JsonElement chunk : array(file, "chunks")) {
      chunks.add(chunk(chunk.getAsJsonObject()));
    }
    return chunks;
  }

  private TypeDescription chunk(JsonObject chunk) throws IOException {
    List<SubChunkField> subChunks = new ArrayList<>();
    for (JsonElement element : array(chunk, "subChunks")) {
      JsonObject field = element.getAsJsonObject();
      JsonElement declared = field.get("declared");
      if (declared != null && declared.getAsBoolean()) {
        subChunks.add(
            SubChunkField.declared(
                field.get("name").getAsString(),
                code(field.get("code").getAsString()),
                struct(field.get("class").getAsString())));
        continue;
      }
      subChunks.add(
          new SubChunkField(
              field.get("name").getAsString(),
              code(field.get("code").getAsString()),
              field.get("class").getAsString(),
              field.get("list").getAsBoolean()));
    }
    JsonElement key = chunk.get("key");
    return new TypeDescription(
        code(chunk.get("code").getAsString()),
        chunk.get("class").getAsString(),
        fields(chunk),
        subChunks,
        key == null || key.isJsonNull() ? null : key.getAsString());
  }

  private List<FieldDescription> fields(JsonObject type) throws IOException {
    List<FieldDescription> fields = new ArrayList<>();
    for (JsonElement element : array(type, "fields")) {
      JsonObject field = element.getAsJsonObject();
      List<String> constants = new ArrayList<>();
      for (JsonElement constant : array(field, "constants")) {
        constants.add(constant.getAsString());
      }
      List<Integer> values = new ArrayList<>();
      for (JsonElement value : array(field, "values")) {
        values.add(value.getAsInt());
      }
      JsonElement unsigned = field.get("unsigned");
      JsonElement fixedLength = field.get("fixedLength");
      fields.add(
          new FieldDescription(
              field.get("name").getAsString(),
              wire(field.get("wire").getAsString(), constants, values),
              field.get("type").getAsString(),
              unsigned != null && unsigned.getAsBoolean(),
              fixedLength == null ? -1 : fixedLength.getAsInt()));
    }
    return fields;
  }

  /** The wire type a descriptor names: {@code int}, {@code int?}, {@code enum<p.E>[]}, … */
  private WireType wire(String descriptor, List<String> constants, List<Integer> values)
      throws IOException {
    if (descriptor.endsWith("[]")) {
      return new WireType.Sequence(
          wire(descriptor.substring(0, descriptor.length() - 2), constants, values));
    }
    if (descriptor.endsWith("?")) {
      return new WireType.Boxed(primitive(descriptor.substring(0, descriptor.length() - 1)));
    }
    if (descriptor.equals("string")) {
      return WireType.TEXT;
    }
    if (descriptor.startsWith("enum<") && descriptor.endsWith(">")) {
      return new WireType.EnumType(descriptor.substring(5, descriptor.length() - 1), constants);
    }
    if (descriptor.startsWith("enumvalue<") && descriptor.endsWith(">")) {
      String className = descriptor.substring(10, descriptor.length() - 1);
      try {
        return new WireType.EnumValueType(className, constants, values);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "not a registry file: enumvalue<" + className + ">: " + e.getMessage(), e);
      }
    }
    if (descriptor.startsWith("struct<") && descriptor.endsWith(">")) {
      return struct(descriptor.substring(7, descriptor.length() - 1));
    }
    return primitive(descriptor);
  }

  private static WireType.Primitive primitive(String keyword) throws IOException {
    for (WireType.Primitive primitive : WireType.Primitive.values()) {
      if (primitive.keyword().equals(keyword)) {
        return primitive;
      }
    }
    throw new IOException("not a registry file: unknown wire type '" + keyword + "'");
  }

  private WireType.Struct struct(String className) throws IOException {
    WireType.Struct known = structs.get(className);
    if (known != null) {
      return known;
    }
    JsonObject entry = structEntries.get(className);
    if (entry == null) {
      throw new IOException("not a registry file: struct<" + className + "> is not in 'structs'");
    }
    if (!resolving.add(className)) {
      throw new IOException("not a registry file: struct " + className + " contains itself");
    }
    WireType.Struct struct = new WireType.Struct(className, fields(entry));
    resolving.remove(className);
    structs.put(className, struct);
    return struct;
  }

  private static ChunkType code(String code) throws IOException {
    try {
      return ChunkType.of(code);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a registry file: '" + code + "' is not a type code", e);
    }
  }

  /** The array {@code name} of {@code object}; an absent one is empty. */
  private static JsonArray array(JsonObject object, String name) {
    JsonElement member = object.get(name);
    return member == null || member.isJsonNull() ? new JsonArray() : member.getAsJsonArray();
  }
}

package io.chunkstate.cli;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptions in a {@code META-INF/chunkstate/registry.json}, format 2 (docs/REGISTRY.md),
 * read without loading a class. Members it does not know are ignored; another format is refused.
 */
final class RegistryFileDescriptions implements Descriptions {
  /** The one format this reader knows. */
  static final int FORMAT = 2;

  /** One chunk of the file: its description and the members the description does not hold. */
  record Entry(TypeDescription type, String codec, String fingerprint) {}

  private final List<Entry> entries;
  private final List<TypeDescription> types;
  private final String source;

  private RegistryFileDescriptions(List<Entry> entries, String source) {
    this.entries = List.copyOf(entries);
    this.types = entries.stream().map(Entry::type).toList();
    this.source = source;
  }

  /** Reads the registry file at {@code file}. */
  static RegistryFileDescriptions load(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Reads a registry file from {@code in}; {@code source} names it in messages.
   *
   * @throws IOException if it is not JSON, not format 2, or a member is missing or malformed
   */
  static RegistryFileDescriptions parse(Reader in, String source) throws IOException {
    try {
      JsonObject root = JsonParser.parseReader(in).getAsJsonObject();
      JsonElement format = root.get("format");
      if (format == null || !format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()
          || format.getAsInt() != FORMAT) {
        throw new IOException(
            source + " is registry format " + format + ", and this tool reads format " + FORMAT
                + " only; rebuild the jar with this version of the processor");
      }
      Map<String, JsonObject> structs = new HashMap<>();
      for (JsonElement s : array(root, "structs")) {
        structs.put(s.getAsJsonObject().get("class").getAsString(), s.getAsJsonObject());
      }
      List<Entry> entries = new ArrayList<>();
      for (JsonElement c : array(root, "chunks")) {
        JsonObject chunk = c.getAsJsonObject();
        List<SubChunkField> subs = new ArrayList<>();
        for (JsonElement s : array(chunk, "subChunks")) {
          JsonObject sub = s.getAsJsonObject();
          if (sub.has("declared") && sub.get("declared").getAsBoolean()) {
            // A struct that travels as a sub-chunk of the code its field declares.
            subs.add(
                SubChunkField.declared(
                    sub.get("name").getAsString(),
                    ChunkType.of(sub.get("code").getAsString()),
                    (WireType.Struct)
                        wire(
                            "struct<" + sub.get("class").getAsString() + ">",
                            new JsonObject(),
                            structs,
                            0)));
            continue;
          }
          subs.add(
              new SubChunkField(
                  sub.get("name").getAsString(),
                  ChunkType.of(sub.get("code").getAsString()),
                  sub.get("class").getAsString(),
                  sub.get("list").getAsBoolean()));
        }
        String key = chunk.has("key") ? chunk.get("key").getAsString() : null;
        TypeDescription type =
            new TypeDescription(
                ChunkType.of(chunk.get("code").getAsString()),
                chunk.get("class").getAsString(),
                fields(chunk, structs, 0),
                subs,
                key);
        entries.add(
            new Entry(
                type,
                chunk.has("codec") ? chunk.get("codec").getAsString() : "",
                chunk.has("fingerprint") ? chunk.get("fingerprint").getAsString() : ""));
      }
      return new RegistryFileDescriptions(entries, source);
    } catch (JsonParseException | IllegalStateException | IllegalArgumentException
        | NullPointerException | UnsupportedOperationException e) {
      throw new IOException(source + " is not a valid registry file: " + e.getMessage(), e);
    }
  }

  private static JsonArray array(JsonObject o, String member) {
    JsonElement e = o.get(member);
    return e == null ? new JsonArray() : e.getAsJsonArray();
  }

  private static List<FieldDescription> fields(
      JsonObject type, Map<String, JsonObject> structs, int depth) {
    if (depth > 64) {
      throw new IllegalArgumentException("structs nest too deeply (a cycle?)");
    }
    List<FieldDescription> out = new ArrayList<>();
    for (JsonElement f : array(type, "fields")) {
      JsonObject field = f.getAsJsonObject();
      out.add(
          new FieldDescription(
              field.get("name").getAsString(),
              wire(field.get("wire").getAsString(), field, structs, depth),
              field.has("type") ? field.get("type").getAsString() : "",
              field.has("unsigned") && field.get("unsigned").getAsBoolean(),
              field.has("fixedLength") ? field.get("fixedLength").getAsInt() : -1));
    }
    return out;
  }

  /**
   * An enum field's {@code constants}, in declaration order; none when the member is absent (a
   * file written before it was added: no constant of it can be found removed).
   */
  private static List<String> constants(JsonObject field) {
    List<String> out = new ArrayList<>();
    for (JsonElement c : array(field, "constants")) {
      out.add(c.getAsString());
    }
    return out;
  }

  /** An enum field's {@code values}, one per constant; none when the member is absent. */
  private static List<Integer> values(JsonObject field) {
    List<Integer> out = new ArrayList<>();
    for (JsonElement v : array(field, "values")) {
      out.add(v.getAsInt());
    }
    return out;
  }

  /**
   * A wire type from its descriptor: {@code int}, {@code int?}, {@code string}, {@code enum<C>},
   * {@code enumvalue<C>}, {@code E[]}, {@code struct<C>}; an enum's {@code constants} (and
   * {@code values}) are the field's.
   */
  private static WireType wire(
      String descriptor, JsonObject field, Map<String, JsonObject> structs, int depth) {
    if (descriptor.endsWith("[]")) {
      return new WireType.Sequence(
          wire(descriptor.substring(0, descriptor.length() - 2), field, structs, depth));
    }
    if (descriptor.equals("string")) {
      return WireType.TEXT;
    }
    if (descriptor.startsWith("enum<") && descriptor.endsWith(">")) {
      return new WireType.EnumType(
          descriptor.substring(5, descriptor.length() - 1), constants(field));
    }
    if (descriptor.startsWith("enumvalue<") && descriptor.endsWith(">")) {
      return new WireType.EnumValueType(
          descriptor.substring(10, descriptor.length() - 1), constants(field), values(field));
    }
    if (descriptor.startsWith("struct<") && descriptor.endsWith(">")) {
      String className = descriptor.substring(7, descriptor.length() - 1);
      JsonObject struct = structs.get(className);
      if (struct == null) {
        throw new IllegalArgumentException("struct " + className + " is not described");
      }
      return new WireType.Struct(className, fields(struct, structs, depth + 1));
    }
    boolean boxed = descriptor.endsWith("?");
    String keyword = boxed ? descriptor.substring(0, descriptor.length() - 1) : descriptor;
    for (WireType.Primitive p : WireType.Primitive.values()) {
      if (p.keyword().equals(keyword)) {
        return boxed ? new WireType.Boxed(p) : p;
      }
    }
    throw new IllegalArgumentException("unknown wire type " + Quote.string(descriptor));
  }

  /** The chunks of the file, with the members beside their descriptions. */
  List<Entry> entries() {
    return entries;
  }

  @Override
  public Collection<TypeDescription> types() {
    return types;
  }

  @Override
  public String source() {
    return source;
  }
}

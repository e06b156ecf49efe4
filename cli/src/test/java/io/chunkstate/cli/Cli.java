package io.chunkstate.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.samples.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.CRC32;

/** Runs the command in-process, and builds the streams the tests inspect. */
final class Cli {
  /** What one run printed, and its exit status. */
  record Result(int status, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }

  /** The sample machine's snapshot, as the samples module writes it. */
  static byte[] sample() throws IOException {
    return Machine.save(Machine.devices(), ChunkRegistry.load());
  }

  /** Where the samples' classes are: a jar or a folder, for {@code --classpath}. */
  static Path samplesClassPath() {
    try {
      return Paths.get(Machine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The samples' {@code registry.json}, copied into {@code dir}. */
  static Path samplesRegistry(Path dir) throws IOException {
    Path file = dir.resolve("registry.json");
    try (InputStream in = Machine.class.getResourceAsStream("/META-INF/chunkstate/registry.json")) {
      Files.copy(in, file);
    }
    return file;
  }

  /**
   * The samples' {@code registry.json} as {@code dir/name}, after {@code edit} has changed its
   * JSON: another release of the samples, made without the processor.
   */
  static Path editedRegistry(Path dir, String name, java.util.function.Consumer<JsonObject> edit)
      throws IOException {
    JsonObject root;
    try (InputStream in = Machine.class.getResourceAsStream("/META-INF/chunkstate/registry.json");
        java.io.Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(reader).getAsJsonObject();
    }
    edit.accept(root);
    return Files.writeString(
        dir.resolve(name), new GsonBuilder().setPrettyPrinting().create().toJson(root),
        StandardCharsets.UTF_8);
  }

  /** The chunk of {@code code} in a registry file's JSON. */
  static JsonObject chunk(JsonObject registry, String code) {
    for (JsonElement c : registry.getAsJsonArray("chunks")) {
      if (c.getAsJsonObject().get("code").getAsString().equals(code)) {
        return c.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException("no " + code);
  }

  /** The inline field {@code name} of a chunk's JSON in a registry file. */
  static JsonObject field(JsonObject chunk, String name) {
    for (JsonElement f : chunk.getAsJsonArray("fields")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return f.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException("no field " + name);
  }

  /** Writes {@code bytes} to {@code dir/name}. */
  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Recomputes the CRC of the chunk whose length field is at {@code offset} in {@code bytes}. */
  static byte[] fixCrc(byte[] bytes, int offset) {
    int length =
        ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
            | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    CRC32 crc = new CRC32();
    crc.update(bytes, offset + 4, 4 + length);
    int at = offset + 8 + length;
    long v = crc.getValue();
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
    return bytes;
  }

  /** The index of the first chunk of type {@code code} at the top level of {@code stream}. */
  static int topLevel(byte[] stream, String code) {
    int at = 8;
    while (at + 8 <= stream.length) {
      int length =
          ((stream[at] & 0xff) << 24) | ((stream[at + 1] & 0xff) << 16)
              | ((stream[at + 2] & 0xff) << 8) | (stream[at + 3] & 0xff);
      if (new String(stream, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals(code)) {
        return at;
      }
      at += 12 + length;
    }
    throw new IllegalArgumentException("no " + code);
  }
}

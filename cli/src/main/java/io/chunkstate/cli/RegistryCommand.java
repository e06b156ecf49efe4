package io.chunkstate.cli;

import com.google.gson.stream.JsonWriter;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate registry JAR...}: the chunk types a jar defines, as PNG publishes its own. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description =
        "Lists the chunk types each jar defines (its META-INF/chunkstate/registry.json) as a"
            + " Markdown table: code, properties, class, fields, fingerprint. A class folder or a"
            + " registry.json itself may be given instead of a jar.")
final class RegistryCommand implements Callable<Integer> {
  static final String ENTRY = "META-INF/chunkstate/registry.json";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "JAR", arity = "1..*")
  List<Path> jars;

  @Option(names = "--json", description = "Print the types as JSON, for tools.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    JsonWriter writer = null;
    if (json) {
      writer = new JsonWriter(out);
      writer.setIndent("  ");
      writer.setHtmlSafe(false);
      writer.beginArray();
    }
    for (Path jar : jars) {
      RegistryFileDescriptions registry = read(jar);
      if (writer != null) {
        json(jar, registry, writer);
      } else {
        markdown(jar, registry, out);
      }
    }
    if (writer != null) {
      writer.endArray();
      writer.flush();
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The registry file of a jar, a class folder, or the file itself. */
  static RegistryFileDescriptions read(Path jar) throws IOException {
    if (Files.isDirectory(jar)) {
      return RegistryFileDescriptions.load(jar.resolve(ENTRY));
    }
    if (jar.getFileName().toString().endsWith(".json")) {
      return RegistryFileDescriptions.load(jar);
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(ENTRY);
      if (entry == null) {
        throw new NoSuchFileException(jar + "!/" + ENTRY, null, "the jar defines no chunk types");
      }
      try (Reader in = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
        return RegistryFileDescriptions.parse(in, jar + "!/" + ENTRY);
      }
    }
  }

  private static void markdown(Path jar, RegistryFileDescriptions registry, PrintWriter out) {
    out.printf("## %s%n%n", jar.getFileName());
    out.println("| code | properties | class | fields | fingerprint |");
    out.println("|---|---|---|---|---|");
    for (RegistryFileDescriptions.Entry e : registry.entries()) {
      TypeDescription t = e.type();
      out.printf(
          "| `%s` | %s | `%s` | %s | `%s` |%n",
          t.type().code(), t.type().properties(), t.className(), cell(fields(t)), e.fingerprint());
    }
    out.println();
  }

  /** Text for one table cell: pipes escaped. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** Inline fields, then sub-chunk fields: {@code id: int, origin: struct<p.Point>; slOt first}. */
  private static String fields(TypeDescription t) {
    String inline =
        t.fields().stream().map(RegistryCommand::field).collect(Collectors.joining(", "));
    String subs =
        t.subChunks().stream()
            .map(
                s ->
                    "`" + s.type().code() + (s.list() ? "`[] " : "` ") + s.name()
                        + (s.declared() ? " (struct<" + s.struct().className() + ">)" : ""))
            .collect(Collectors.joining(", "));
    return inline.isEmpty() ? subs : subs.isEmpty() ? inline : inline + "; sub-chunks " + subs;
  }

  private static String field(FieldDescription f) {
    return f.name() + ": " + f.wire().descriptor() + (f.unsigned() ? " unsigned" : "")
        + (f.fixedLength() >= 0 ? " #" + f.fixedLength() : "");
  }

  private static void json(Path jar, RegistryFileDescriptions registry, JsonWriter json)
      throws IOException {
    json.beginObject().name("jar").value(jar.toString()).name("chunks").beginArray();
    for (RegistryFileDescriptions.Entry e : registry.entries()) {
      TypeDescription t = e.type();
      json.beginObject()
          .name("code").value(t.type().code())
          .name("critical").value(t.type().isCritical())
          .name("public").value(t.type().isPublic())
          .name("safeToCopy").value(t.type().isSafeToCopy())
          .name("class").value(t.className())
          .name("codec").value(e.codec())
          .name("fingerprint").value(e.fingerprint());
      json.name("fields").beginArray();
      for (FieldDescription f : t.fields()) {
        json.beginObject().name("name").value(f.name()).name("wire").value(f.wire().descriptor());
        if (f.unsigned()) {
          json.name("unsigned").value(true);
        }
        if (f.fixedLength() >= 0) {
          json.name("fixedLength").value(f.fixedLength());
        }
        json.endObject();
      }
      json.endArray().name("subChunks").beginArray();
      for (SubChunkField s : t.subChunks()) {
        json.beginObject()
            .name("name").value(s.name())
            .name("code").value(s.type().code())
            .name("class").value(s.className())
            .name("list").value(s.list());
        if (s.declared()) {
          json.name("declared").value(true);
        }
        json.endObject();
      }
      json.endArray().endObject();
    }
    json.endArray().endObject();
  }
}

package io.chunkstate.cli;

import com.google.gson.stream.JsonWriter;
import io.chunkstate.ReadOptions;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.Compatibility;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.TypeDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chunkstate compat OLD NEW}: what a reader with NEW's descriptions makes of what OLD's
 * writes, by the compatibility rules of docs/COMPATIBILITY.md.
 */
@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    description =
        "Compares the chunk types of two releases by the compatibility rules: OLD is the sender"
            + " (what wrote), NEW the receiver (what reads). Each is a registry.json, a jar or"
            + " class folder holding META-INF/chunkstate/registry.json, or a stream carrying a"
            + " dESc chunk (a snapshot file). Prints the findings, breaking first, then notes."
            + " Exits 1 if any finding is breaking, 0 if none is.")
final class CompatCommand implements Callable<Integer> {
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The sender: what wrote.")
  Path old;

  @Parameters(index = "1", paramLabel = "NEW", description = "The receiver: what reads.")
  Path now;

  @Option(names = "--json", description = "Print the findings as JSON, for tools.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Finding> findings =
        Compatibility.compare(descriptions(old), descriptions(now)).stream()
            .sorted(Comparator.comparing(Finding::severity)) // stable: BREAKING, then NOTE
            .toList();
    long breaking = findings.stream().filter(Finding::isBreaking).count();
    long notes = findings.size() - breaking;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      json(findings, breaking, notes, out);
    } else {
      findings.forEach(out::println);
      out.printf("%d breaking, %d %s%n", breaking, notes, notes == 1 ? "note" : "notes");
    }
    out.flush();
    return ExitCodes.of(breaking > 0);
  }

  /**
   * The descriptions {@code file} holds, told by its content: a stream by its signature, a jar by
   * its zip header, a class folder by being one; anything else is read as a registry file.
   *
   * @throws IOException if it cannot be read, is a registry of another format, or is a stream
   *     with no {@code dESc} chunk this tool can read
   */
  static Collection<TypeDescription> descriptions(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return RegistryCommand.read(file).types();
    }
    byte[] head = head(file, Signature.CHUNKSTATE.bytes().length);
    if (startsWith(head, Signature.CHUNKSTATE.bytes())) {
      Descriptions own = StreamDescriptions.after(Descriptions.NONE, file, ReadOptions.defaults());
      if (own.types().isEmpty()) {
        throw new IOException(
            file + " is a stream with no dESc chunk after CHDR that this tool can read: it"
                + " does not describe its chunk types");
      }
      return own.types();
    }
    if (startsWith(head, Signature.PNG.bytes())) {
      throw new IOException(file + " is a PNG file: it does not describe chunk types");
    }
    if (startsWith(head, ZIP) && !file.getFileName().toString().endsWith(".json")) {
      return RegistryCommand.read(file).types();
    }
    return RegistryFileDescriptions.load(file).types();
  }

  private static byte[] head(Path file, int length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(length);
    }
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    return head.length >= prefix.length
        && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
  }

  private void json(List<Finding> findings, long breaking, long notes, PrintWriter out)
      throws IOException {
    JsonWriter writer = new JsonWriter(out);
    writer.setIndent("  ");
    writer.setHtmlSafe(false);
    writer.beginObject()
        .name("old").value(old.toString())
        .name("new").value(now.toString())
        .name("findings").beginArray();
    for (Finding f : findings) {
      writer.beginObject()
          .name("severity").value(f.severity().name())
          .name("rule").value(f.rule())
          .name("type").value(f.type().code())
          .name("field").value(f.field())
          .name("message").value(f.message())
          .name("fix").value(f.fix())
          .endObject();
    }
    writer.endArray().name("breaking").value(breaking).name("notes").value(notes).endObject();
    writer.flush();
    out.println();
  }
}

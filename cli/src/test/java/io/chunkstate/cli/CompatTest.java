package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.SnapshotFile;
import io.chunkstate.samples.Machine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chunkstate compat OLD NEW}: the samples' registry as the old release, and new releases
 * made by editing its JSON, as registry files, jars, class folders and a described snapshot.
 */
class CompatTest {
  @TempDir Path dir;

  private static String both(Cli.Result r) {
    return r.out() + r.err();
  }

  @Test
  void aRetypedFieldBreaks() throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next =
        Cli.editedRegistry(dir, "next.json", root -> {
          JsonObject selected = Cli.field(Cli.chunk(root, "RtCc"), "selected");
          selected.addProperty("wire", "long");
          selected.addProperty("type", "long");
        });
    Cli.Result r = Cli.run("compat", old.toString(), next.toString());
    assertEquals(ExitCodes.PROBLEMS, r.status(), both(r));
    assertTrue(
        r.out().startsWith("BREAKING RtCc.selected [inline-field-retyped]: inline field 'selected'"
            + " was int and is now long"),
        r.out());
    assertTrue(r.out().endsWith("1 breaking, 0 notes\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aNewAncillarySubChunkIsCompatible() throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next =
        Cli.editedRegistry(dir, "next.json", root -> {
          JsonObject sub = new JsonObject();
          sub.addProperty("name", "log");
          sub.addProperty("code", "fiLg");
          sub.addProperty("class", "io.chunkstate.samples.machine.FifoLog");
          sub.addProperty("list", false);
          Cli.chunk(root, "UaRt").getAsJsonArray("subChunks").add(sub);
        });
    Cli.Result r = Cli.run("compat", old.toString(), next.toString());
    assertEquals(ExitCodes.OK, r.status(), both(r));
    assertEquals("0 breaking, 0 notes\n", r.out());

    // Backwards, the new release sends a sub-chunk the old one skips: a note, still compatible.
    Cli.Result back = Cli.run("compat", next.toString(), old.toString());
    assertEquals(ExitCodes.OK, back.status(), both(back));
    assertTrue(back.out().startsWith("NOTE UaRt.log [sub-chunk-unknown]"), back.out());
    assertTrue(back.out().endsWith("0 breaking, 1 note\n"), back.out());
  }

  @Test
  void aRenameInPlaceIsANote() throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next =
        Cli.editedRegistry(dir, "next.json",
            root -> Cli.field(Cli.chunk(root, "UaRt"), "scratch").addProperty("name", "scratchPad"));
    Cli.Result r = Cli.run("compat", old.toString(), next.toString());
    assertEquals(ExitCodes.OK, r.status(), both(r));
    assertEquals(
        "NOTE UaRt.scratchPad [inline-field-renamed]: inline field 5 was 'scratch' and is now"
            + " 'scratchPad', same wire type byte\n0 breaking, 1 note\n",
        r.out());
  }

  @Test
  void breakingFindingsComeFirstAndJsonHasTheCounts() throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next =
        Cli.editedRegistry(dir, "next.json", root -> {
          Cli.field(Cli.chunk(root, "UaRt"), "scratch").addProperty("name", "scratchPad");
          JsonObject selected = Cli.field(Cli.chunk(root, "RtCc"), "selected");
          selected.addProperty("wire", "long");
          selected.addProperty("type", "long");
        });
    Cli.Result text = Cli.run("compat", old.toString(), next.toString());
    assertEquals(ExitCodes.PROBLEMS, text.status(), both(text));
    String[] lines = text.out().split("\n");
    assertEquals(3, lines.length, text.out());
    assertTrue(lines[0].startsWith("BREAKING RtCc.selected"), text.out());
    assertTrue(lines[1].startsWith("NOTE UaRt.scratchPad"), text.out());
    assertEquals("1 breaking, 1 note", lines[2]);

    Cli.Result r = Cli.run("compat", "--json", old.toString(), next.toString());
    assertEquals(ExitCodes.PROBLEMS, r.status(), both(r));
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(1, json.get("breaking").getAsInt());
    assertEquals(1, json.get("notes").getAsInt());
    assertEquals(old.toString(), json.get("old").getAsString());
    assertEquals(next.toString(), json.get("new").getAsString());
    JsonArray findings = json.getAsJsonArray("findings");
    assertEquals(2, findings.size());
    JsonObject first = findings.get(0).getAsJsonObject();
    assertEquals("BREAKING", first.get("severity").getAsString());
    assertEquals("inline-field-retyped", first.get("rule").getAsString());
    assertEquals("RtCc", first.get("type").getAsString());
    assertEquals("selected", first.get("field").getAsString());
    assertEquals("inline field 'selected' was int and is now long", first.get("message").getAsString());
    assertFalse(first.get("fix").getAsString().isEmpty());
    JsonObject second = findings.get(1).getAsJsonObject();
    assertEquals("NOTE", second.get("severity").getAsString());
    assertEquals("inline-field-renamed", second.get("rule").getAsString());
    assertEquals("", second.get("fix").getAsString());
  }

  @Test
  void aRemovedEnumConstantBreaks() throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next =
        Cli.editedRegistry(dir, "next.json",
            root -> Cli.field(Cli.chunk(root, "PcIs"), "power").getAsJsonArray("constants").remove(4));
    Cli.Result r = Cli.run("compat", old.toString(), next.toString());
    assertEquals(ExitCodes.PROBLEMS, r.status(), both(r));
    assertTrue(r.out().startsWith("BREAKING PcIs.power [enum-constant-removed]"), r.out());
    assertTrue(r.out().contains("PowerState.D3_COLD is gone"), r.out());
  }

  @Test
  void theSamplesAgainstThemselvesHaveNoFindings() throws IOException {
    Path jar = dir.resolve("samples.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(RegistryCommand.ENTRY));
      Files.copy(Cli.samplesRegistry(dir), zip);
      zip.closeEntry();
    }
    Cli.Result r = Cli.run("compat", jar.toString(), jar.toString());
    assertEquals(ExitCodes.OK, r.status(), both(r));
    assertEquals("0 breaking, 0 notes\n", r.out());

    // The samples' own classes (a jar or a class folder, as the build has them), against the jar.
    Cli.Result classes = Cli.run("compat", Cli.samplesClassPath().toString(), jar.toString());
    assertEquals(ExitCodes.OK, classes.status(), both(classes));
    assertEquals("0 breaking, 0 notes\n", classes.out());
  }

  @Test
  void aSnapshotFileSendsWhatItsDescChunkSays() throws IOException {
    Path snapshot = dir.resolve("machine.chk");
    SnapshotFile.write(snapshot, "chunkstate-samples 1.0", ChunkRegistry.load(), writer -> {
      for (Object device : Machine.devices()) {
        writer.write(device);
      }
    });
    Path registry = Cli.samplesRegistry(dir);
    Cli.Result r = Cli.run("compat", snapshot.toString(), registry.toString());
    assertEquals(ExitCodes.OK, r.status(), both(r));
    assertFalse(r.out().contains("BREAKING"), r.out());
    assertTrue(r.out().endsWith("0 breaking, 0 notes\n"), r.out());

    // Against a release that retyped a field, the snapshot cannot be read.
    Path next =
        Cli.editedRegistry(dir, "next.json", root -> {
          JsonObject selected = Cli.field(Cli.chunk(root, "RtCc"), "selected");
          selected.addProperty("wire", "long");
          selected.addProperty("type", "long");
        });
    Cli.Result retyped = Cli.run("compat", snapshot.toString(), next.toString());
    assertEquals(ExitCodes.PROBLEMS, retyped.status(), both(retyped));
    assertTrue(retyped.out().contains("[inline-field-retyped]"), retyped.out());
  }

  @Test
  void unreadableInputsAreUsageOrIoErrors() throws IOException {
    Path registry = Cli.samplesRegistry(dir);

    Cli.Result missing = Cli.run("compat", dir.resolve("nothing.json").toString(), registry.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, missing.status(), both(missing));
    assertTrue(missing.err().contains("no such file"), missing.err());

    Path format1 = Files.writeString(dir.resolve("old.json"), "{\"format\": 1, \"chunks\": []}",
        StandardCharsets.UTF_8);
    Cli.Result old = Cli.run("compat", format1.toString(), registry.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, old.status(), both(old));
    assertTrue(old.err().contains("is registry format 1, and this tool reads format 2 only"), old.err());

    // A stream without dESc describes nothing.
    Path bare = Cli.write(dir, "bare.chk", Cli.sample());
    Cli.Result undescribed = Cli.run("compat", bare.toString(), registry.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, undescribed.status(), both(undescribed));
    assertTrue(undescribed.err().contains("no dESc chunk"), undescribed.err());

    Path jar = Cli.write(dir, "empty.jar", emptyJar());
    Cli.Result noEntry = Cli.run("compat", jar.toString(), registry.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, noEntry.status(), both(noEntry));

    Cli.Result oneArgument = Cli.run("compat", registry.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, oneArgument.status(), both(oneArgument));
  }

  private static byte[] emptyJar() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}

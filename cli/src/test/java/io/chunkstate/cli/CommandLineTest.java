package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, the sources of field values, and JSON that reads back. */
class CommandLineTest {
  @TempDir Path dir;

  @Test
  void exitCodes() throws IOException {
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    byte[] damaged = Cli.sample();
    damaged[damaged.length - 1] ^= 1;
    Path bad = Cli.write(dir, "bad.chk", damaged);

    assertEquals(ExitCodes.OK, Cli.run("inspect", good.toString()).status());
    assertEquals(ExitCodes.OK, Cli.run("verify", good.toString()).status());
    assertEquals(ExitCodes.PROBLEMS, Cli.run("inspect", good.toString(), bad.toString()).status());
    assertEquals(ExitCodes.PROBLEMS, Cli.run("verify", bad.toString()).status());
    assertEquals(ExitCodes.OK, Cli.run("--help").status());

    Cli.Result none = Cli.run();
    assertEquals(ExitCodes.USAGE_OR_IO, none.status());
    assertTrue(none.err().contains("a subcommand is required"), none.err());
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run("inspect").status());
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run("inspect", "--frobnicate", good.toString()).status());
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run("frobnicate").status());
    assertEquals(
        ExitCodes.USAGE_OR_IO,
        Cli.run("inspect", "--max-chunks", "3", good.toString()).status(),
        "limits without codecs");
    assertEquals(
        ExitCodes.USAGE_OR_IO, Cli.run("inspect", "--json", "--summary", good.toString()).status());

    Cli.Result missing = Cli.run("inspect", dir.resolve("absent.chk").toString());
    assertEquals(ExitCodes.USAGE_OR_IO, missing.status());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void quietPrintsOnlyTheProblems() throws IOException {
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    byte[] damaged = Cli.sample();
    damaged[damaged.length - 1] ^= 1;
    Path bad = Cli.write(dir, "bad.chk", damaged);
    Cli.Result result = Cli.run("inspect", "-q", good.toString(), bad.toString());
    assertEquals(
        bad + ": CRC at offset " + (damaged.length - 12)
            + " in CEND: stored CRC c1ff80e7 but the type and data give c1ff80e6\n",
        result.out());
  }

  @Test
  void aRegistryFileOfAnotherFormatIsRefused() throws IOException {
    Path registry = dir.resolve("registry.json");
    Files.writeString(registry, "{\"format\": 1, \"chunks\": []}", StandardCharsets.UTF_8);
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    Cli.Result result = Cli.run("inspect", "--registry", registry.toString(), good.toString());
    assertEquals(ExitCodes.USAGE_OR_IO, result.status());
    assertTrue(
        result.err().contains("is registry format 1, and this tool reads format 2 only"),
        result.err());
  }

  @Test
  void fieldValuesFromTheCodecsAndFromTheRegistryFileAreTheSame() throws IOException {
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    Cli.Result codecs =
        Cli.run("inspect", "-v", "--classpath", Cli.samplesClassPath().toString(), good.toString());
    Cli.Result registry =
        Cli.run("inspect", "-v", "--registry", Cli.samplesRegistry(dir).toString(), good.toString());
    assertEquals(ExitCodes.OK, codecs.status(), codecs.out() + codecs.err());
    assertEquals(codecs.out(), registry.out());
    String out = codecs.out();
    assertTrue(out.contains("    MsXs  critical  private reserved-ok  safe-to-copy  CRC ok"), out);
    assertTrue(out.contains("address@58=\"0000:00:1f.2\""), out);
    assertTrue(out.contains("power@798=D3_HOT"), out);
    assertTrue(out.contains("intx@808={gsi=11, levelTriggered=true, asserted=true}"), out);
    assertTrue(out.contains("No errors in " + good + " (10 chunks)."), out);
  }

  @Test
  void theRegistryFileDescribesWhatTheClassPathDoesNot() throws IOException {
    byte[] sample = Cli.sample();
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    stream.write(sample, 0, sample.length - 12);
    byte[] extra = {0, 0, 0, 4, 'e', 'x', 'T', 'r', -1, -1, -1, -2, 0, 0, 0, 0};
    stream.write(Cli.fixCrc(extra, 0));
    stream.write(sample, sample.length - 12, 12);
    Path file = Cli.write(dir, "extra.chk", stream.toByteArray());
    Path registry = dir.resolve("extra.json");
    Files.writeString(
        registry,
        "{\"format\": 2, \"chunks\": [{\"code\": \"exTr\", \"class\": \"x.Extra\", \"fields\":"
            + " [{\"name\": \"count\", \"wire\": \"int\", \"type\": \"int\", \"unsigned\": true}],"
            + " \"subChunks\": [], \"someday\": \"ignored\"}]}",
        StandardCharsets.UTF_8);
    Cli.Result both =
        Cli.run("inspect", "--classpath", Cli.samplesClassPath().toString(),
            "--registry", registry.toString(), file.toString());
    assertEquals(ExitCodes.OK, both.status(), both.out() + both.err());
    assertTrue(both.out().contains("exTr  ancillary private reserved-ok  safe-to-copy  CRC ok  count=4294967294"), both.out());
    assertTrue(both.out().contains("divisor=1"), both.out());
  }

  @Test
  void withoutDescriptionsDataIsPreviewedInHex() throws IOException {
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    String out = Cli.run("inspect", good.toString()).out();
    assertTrue(out.contains("major=1 minor=0 producer=\"chunkstate-samples 1.0\""), out);
    assertTrue(out.contains("       819         19  UaRt  critical  private reserved-ok  safe-to-copy  CRC ok  00 00 00 01 03 0b 01 00 00 00 00 07 6c 6f 67 69 …"), out);
    assertTrue(out.contains("No errors in " + good + " (7 chunks)."), out);
  }

  @Test
  void jsonReadsBackWithGson() throws IOException {
    Path good = Cli.write(dir, "good.chk", Cli.sample());
    byte[] damaged = Cli.sample();
    damaged[20] = (byte) 0xff; // inside the producer: the CHDR's CRC breaks
    Path bad = Cli.write(dir, "bad\"name\n.chk", damaged);
    Cli.Result result =
        Cli.run("inspect", "--json", "--classpath", Cli.samplesClassPath().toString(),
            good.toString(), bad.toString());
    assertEquals(ExitCodes.PROBLEMS, result.status());
    JsonObject root = JsonParser.parseString(result.out()).getAsJsonObject();
    JsonArray files = root.getAsJsonArray("files");
    JsonObject first = files.get(0).getAsJsonObject();
    assertEquals(good.toString(), first.get("file").getAsString());
    assertTrue(first.get("ok").getAsBoolean());
    assertEquals(10, first.get("chunkCount").getAsInt());
    JsonObject msix = first.getAsJsonArray("chunks").get(2).getAsJsonObject();
    assertEquals("PcIs/MsXs", msix.get("path").getAsString());
    assertEquals(403, msix.get("offset").getAsLong());
    assertEquals(1, msix.get("depth").getAsInt());
    assertTrue(msix.getAsJsonObject("properties").get("critical").getAsBoolean());
    assertFalse(msix.getAsJsonObject("properties").get("public").getAsBoolean());
    JsonObject field = msix.getAsJsonArray("fields").get(0).getAsJsonObject();
    assertEquals("functionMasked", field.get("name").getAsString());
    assertEquals("false", field.get("value").getAsString());

    JsonObject second = files.get(1).getAsJsonObject();
    assertEquals(bad.toString(), second.get("file").getAsString());
    assertFalse(second.get("ok").getAsBoolean());
    assertEquals("CRC", second.getAsJsonObject("verdict").get("kind").getAsString());
    assertEquals("CHDR", second.getAsJsonObject("verdict").get("path").getAsString());
    assertEquals(2, root.getAsJsonObject("summary").get("files").getAsInt());
    assertEquals(1, root.getAsJsonObject("summary").get("withProblems").getAsInt());
  }
}

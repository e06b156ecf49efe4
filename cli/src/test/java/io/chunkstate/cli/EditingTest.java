package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strip, edit, diff and registry on the sample machine's snapshot. */
class EditingTest {
  @TempDir Path dir;

  private String codecs() {
    return Cli.samplesClassPath().toString();
  }

  /** The sample with an unknown ancillary, unsafe-to-copy chunk {@code zzZZ} before CEND. */
  private static byte[] withUnsafeChunk() throws IOException {
    byte[] sample = Cli.sample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(sample, 0, sample.length - 12);
    byte[] chunk = {0, 0, 0, 3, 'z', 'z', 'Z', 'Z', 1, 2, 3, 0, 0, 0, 0};
    out.write(Cli.fixCrc(chunk, 0));
    out.write(sample, sample.length - 12, 12);
    return out.toByteArray();
  }

  @Test
  void stripRemovesAncillaryChunksAtEveryDepthTheDescriptionsReach() throws IOException {
    Path in = Cli.write(dir, "in.chk", Cli.sample());
    Path out = dir.resolve("out.chk");
    Cli.Result strip = Cli.run("strip", "--ancillary", "--classpath", codecs(), in.toString(), out.toString());
    assertEquals(ExitCodes.OK, strip.status(), strip.out() + strip.err());
    assertTrue(strip.out().contains("The copy rules dropped no chunk."), strip.out());
    Cli.Result inspect = Cli.run("inspect", "--classpath", codecs(), out.toString());
    assertEquals(ExitCodes.OK, inspect.status(), inspect.out());
    assertFalse(inspect.out().contains("rnSd"), inspect.out());
    assertTrue(inspect.out().contains("RnGd"), inspect.out());
  }

  @Test
  void removingACriticalChunkDropsUnknownUnsafeToCopyOnes() throws IOException {
    byte[] stream = withUnsafeChunk();
    Path in = Cli.write(dir, "in.chk", stream);
    Path out = dir.resolve("out.chk");
    Cli.Result edit = Cli.run("edit", in.toString(), out.toString(), "--remove", "UaRt");
    assertEquals(ExitCodes.OK, edit.status(), edit.out() + edit.err());
    assertTrue(
        edit.out().contains("Dropped zzZZ at offset " + (stream.length - 27)
            + ", length 3 (ancillary, private, unsafe to copy): not understood, and a critical"
            + " chunk changed."),
        edit.out());
    Cli.Result verify = Cli.run("verify", out.toString());
    assertEquals(ExitCodes.OK, verify.status(), verify.out());

    // Removing an ancillary chunk changes no critical one: zzZZ is copied.
    Cli.Result keep = Cli.run("edit", "--classpath", codecs(), in.toString(), out.toString(), "--remove", "rnSd");
    assertTrue(keep.out().contains("The copy rules dropped no chunk."), keep.out());
    assertTrue(Cli.run("inspect", out.toString()).out().contains("zzZZ"));
  }

  @Test
  void aDamagedInputLeavesNoOutput() throws IOException {
    byte[] stream = Cli.sample();
    stream[stream.length - 1] ^= 1;
    Path in = Cli.write(dir, "in.chk", stream);
    Path out = dir.resolve("out.chk");
    Cli.Result strip = Cli.run("strip", "--ancillary", in.toString(), out.toString());
    assertEquals(ExitCodes.PROBLEMS, strip.status());
    assertTrue(strip.out().startsWith("Not written: " + in + ": CRC at offset "), strip.out());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  @Test
  void diffShowsFieldsThatDifferWithTheOffsetsOfBothSides() throws IOException {
    byte[] a = Cli.sample();
    byte[] b = Cli.sample();
    int uart = Cli.topLevel(b, "UaRt");
    b[uart + 11] = 3; // divisor 1 → 3
    Cli.fixCrc(b, uart);
    Path left = Cli.write(dir, "a.chk", a);
    Path right = Cli.write(dir, "b.chk", b);
    assertEquals(ExitCodes.OK, Cli.run("diff", left.toString(), left.toString()).status());
    Cli.Result diff = Cli.run("diff", "--classpath", codecs(), left.toString(), right.toString());
    assertEquals(ExitCodes.PROBLEMS, diff.status());
    assertEquals(
        "--- " + left + "\n+++ " + right + "\n"
            + "~ UaRt[0] at 819 / 819, length 19 / 19\n"
            + "    divisor@827/827: 1 → 3\n"
            + "1 of 10 chunks differ.\n",
        diff.out());
  }

  @Test
  void registryListsTheTypesAJarDefines() throws IOException {
    Cli.Result table = Cli.run("registry", Cli.samplesRegistry(dir).toString());
    assertEquals(ExitCodes.OK, table.status(), table.err());
    assertTrue(
        table.out().contains(
            "| `RnGd` | critical, private, safe to copy | `io.chunkstate.samples.machine.RngDevice` |"
                + " ready: boolean, bytesServed: long; sub-chunks `rnSd` seed |"),
        table.out());
    Cli.Result json = Cli.run("registry", "--json", Cli.samplesClassPath().toString());
    JsonArray jars = JsonParser.parseString(json.out()).getAsJsonArray();
    JsonArray chunks = jars.get(0).getAsJsonObject().getAsJsonArray("chunks");
    JsonObject first = chunks.get(0).getAsJsonObject();
    assertEquals("AlRm", first.get("code").getAsString());
    assertEquals(16, first.get("fingerprint").getAsString().length());

    Path notAJar = Files.writeString(dir.resolve("x.jar"), "no", StandardCharsets.UTF_8);
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run("registry", notAJar.toString()).status());
  }
}

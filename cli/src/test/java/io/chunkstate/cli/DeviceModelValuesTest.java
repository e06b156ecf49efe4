package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.SnapshotFile;
import io.chunkstate.StateWriter;
import io.chunkstate.samples.machine.E1000;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector prints an e1000 card's values as its description declares them: unsigned
 * registers as unsigned numbers ({@code 65535}, not {@code -1}), and its link speed, an enum that
 * travels by value, as the constant and its value, whether the description comes from the stream's
 * dESc or from the classes.
 */
class DeviceModelValuesTest {
  private static final String[] VALUES = {
    "vendorId=32902", // 0x8086: unsigned, not -32634
    "deviceId=4110",
    "rxTail=65535", // 0xffff, not -1
    "status=4294967295", // 0xffffffff, not -1
    "ctrl=2148794952", // 0x80140248
    "speed=GBIT(3)",
    "pendingCauses=[128]"
  };

  @Test
  void fromTheStreamsOwnDescription(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("nic.chk");
    SnapshotFile.write(file, "samples", ChunkRegistry.load(), w -> w.write(E1000.linkedUp()));
    Cli.Result result = Cli.run("inspect", file.toString());
    assertEquals(0, result.status(), result.out() + result.err());
    assertValues(result.out());
  }

  @Test
  void fromTheClasses(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(bytes, "samples", ChunkRegistry.load())) {
      writer.write(E1000.linkedUp());
      writer.finish();
    }
    Path file = Cli.write(dir, "nic.chk", bytes.toByteArray());
    Cli.Result result =
        Cli.run("inspect", "--classpath", Cli.samplesClassPath().toString(), file.toString());
    assertEquals(0, result.status(), result.out() + result.err());
    assertValues(result.out());
  }

  @Test
  void aSpeedNoConstantDeclaresIsData(@TempDir Path dir) throws IOException {
    Path registry =
        Cli.editedRegistry(
            dir,
            "older.json",
            root -> {
              var speed = Cli.field(Cli.chunk(root, "EnIc"), "speed");
              speed.getAsJsonArray("constants").remove(3);
              speed.getAsJsonArray("values").remove(3);
            });
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(bytes, "samples", ChunkRegistry.load())) {
      writer.write(E1000.linkedUp());
      writer.finish();
    }
    Path file = Cli.write(dir, "nic.chk", bytes.toByteArray());
    Cli.Result result = Cli.run("inspect", "--registry", registry.toString(), file.toString());
    assertTrue(
        result.out().contains("LinkSpeed has no constant with wire value 3"),
        result.out() + result.err());
    assertFalse(result.out().contains("speed=GBIT"), result.out());
  }

  private static void assertValues(String out) {
    for (String value : VALUES) {
      assertTrue(out.contains(value), value + " in:\n" + out);
    }
    assertFalse(out.contains("=-1"), out);
  }
}

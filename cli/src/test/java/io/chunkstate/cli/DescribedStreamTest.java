package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.SnapshotFile;
import io.chunkstate.samples.Machine;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot file carries its own description (dESc): the inspector, given no class path and no
 * registry, prints every field value by name from it.
 */
class DescribedStreamTest {
  @Test
  void aSnapshotFileIsPrintedFieldByFieldWithNoClassesAndNoRegistry(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("machine.chk");
    SnapshotFile.write(file, "chunkstate-samples 1.0", ChunkRegistry.load(), writer -> {
      for (Object device : Machine.devices()) {
        writer.write(device);
      }
    });
    Cli.Result result = Cli.run("inspect", file.toString());
    assertEquals(0, result.status(), result.out() + result.err());
    for (String value :
        new String[] {
          "address=\"0000:00:1f.2\"", "address=\"0000:00:03.0\"", "functionMasked=false",
          "divisor=1", "receiveFifo=", "bytesServed=4096", "seed=<5e 3d 11 a7>", "selected=14",
          "armed=true"
        }) {
      assertTrue(result.out().contains(value), value + " in:\n" + result.out());
    }
    assertTrue(result.out().contains("dESc"), result.out());

    // Without the dESc chunk, the same tool has nothing to name the fields with.
    Path bare = Cli.write(dir, "bare.chk", Machine.save(Machine.devices(), ChunkRegistry.load()));
    Cli.Result without = Cli.run("inspect", bare.toString());
    assertFalse(without.out().contains("address=\"0000:00:1f.2\""), without.out());
  }
}

package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.GoldenStreams;
import io.chunkstate.Snapshot;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.RngDevice;
import io.chunkstate.samples.machine.Uart16550;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples keep the streams their releases wrote in {@code src/test/resources/golden}, and
 * every build reads them all. The 0.1.0 streams were written by the samples' first release, before
 * the clock or any restore annotation existed.
 *
 * <p>When a release is cut: {@code mvn -B -pl samples -am verify -Dtest=GoldenStreamsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.record=0.2.0}, then commit the new stream.
 */
class GoldenStreamsTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");

  @Test
  void everyReleasedStreamStillReads() throws IOException {
    GoldenStreams golden = GoldenStreams.in(GOLDEN, REGISTRY);
    String release = System.getProperty("golden.record");
    if (release != null) {
      golden.record(release, "chunkstate-samples " + release, writer -> {
        for (Object device : Machine.devices()) {
          writer.write(device);
        }
      });
    }
    Map<String, Snapshot> read = golden.verifyAll();
    Snapshot first = read.get("0.1.0-pci-msix.chk");
    assertEquals("0000:00:1f.2", first.get(PciDevice.class).address());
    assertEquals(1, first.get(Uart16550.class).getDivisor());
    Snapshot rng = read.get("0.1.0-rng-seed.chk");
    assertEquals(4096, rng.get(RngDevice.class).bytesServed());
  }

  @Test
  void aStreamThatNoLongerReadsIsNamedWithItsError(@TempDir Path dir) throws IOException {
    byte[] old = Files.readAllBytes(GOLDEN.resolve("0.1.0-pci-msix.chk"));
    old[old.length - 20] ^= 1;
    Files.write(dir.resolve("0.1.0-damaged.chk"), old);
    AssertionError e =
        assertThrows(AssertionError.class, () -> GoldenStreams.in(dir, REGISTRY).verifyAll());
    assertTrue(e.getMessage().contains("0.1.0-damaged.chk: CRC"), e.getMessage());
  }

  @Test
  void recordingWritesAReleaseStreamOnceAndNeverOverwrites(@TempDir Path dir) throws IOException {
    GoldenStreams golden = GoldenStreams.in(dir, REGISTRY);
    Path file =
        golden.record("9.9.9", "samples 9.9.9", writer -> writer.write(Machine.devices().get(2)));
    byte[] written = Files.readAllBytes(file);
    golden.record("9.9.9", "samples 9.9.9", writer -> writer.write(Machine.devices().get(0)));
    assertEquals(written.length, Files.readAllBytes(file).length, "not overwritten");
    assertEquals(1, golden.verifyAll().get("9.9.9.chk").states().size());
    assertThrows(IllegalArgumentException.class, () -> golden.record("../x", "p", w -> {}));
  }
}

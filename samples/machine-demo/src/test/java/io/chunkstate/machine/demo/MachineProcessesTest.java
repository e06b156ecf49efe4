package io.chunkstate.machine.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two machine jars as separate processes on loopback, driven through their command line as
 * outside tools drive them: what each side prints on standard output and how it exits.
 */
class MachineProcessesTest {
  private static Path v1;
  private static Path v2;

  @BeforeAll
  static void jars() {
    v1 = Path.of(System.getProperty("machine.v1.jar", "../machine-v1/target/machine-v1.jar"));
    v2 = Path.of(System.getProperty("machine.v2.jar", "../machine-v2/target/machine-v2.jar"));
    assertTrue(Files.isRegularFile(v1) && Files.isRegularFile(v2),
        "the machine jars are packaged before this module's tests run: " + v1 + ", " + v2);
  }

  private static Migration migration(Path source, Path destination) {
    return new Migration(source, destination, line -> {}).timeoutSeconds(10);
  }

  @Test
  void v1ToV2Migrates() throws Exception {
    MigrationRun run = migration(v1, v2)
        .sourceOptions("--memory-mib", "16", "--dirty-mib-per-s", "8")
        .run();

    assertEquals(List.of(), run.violations());
    assertEquals("OUTCOME stopped", run.sourceOutcome());
    assertEquals(0, run.sourceExit());
    assertEquals("OUTCOME running", run.destinationOutcome());
    assertEquals(0, run.destinationExit());
    assertEquals(MigrationRun.mem(run.paused().orElseThrow()),
        MigrationRun.mem(run.destinationOut().get(run.destinationOut().size() - 1)));
    assertTrue(run.sourceStats()[0] >= 16L << 20, "every page crossed: " + run.sourceErr());
  }

  @Test
  void v2ToV2CarriesTheDeviceStateUnchanged() throws Exception {
    MigrationRun run = migration(v2, v2)
        .sourceOptions("--memory-mib", "8", "--dirty-mib-per-s", "4", "--use-feature")
        .run();

    assertEquals(List.of(), run.violations());
    String destination = run.destinationOut().get(run.destinationOut().size() - 1);
    assertEquals(MigrationRun.dev(run.paused().orElseThrow()), MigrationRun.dev(destination),
        "one version's dev digest is the same in two processes");
  }

  @Test
  void v2ToV1MigratesWithTheFeatureUnusedAndSkipsTheStatistics() throws Exception {
    MigrationRun run = migration(v2, v1).sourceOptions("--memory-mib", "8").run();

    assertEquals(List.of(), run.violations());
    assertEquals("OUTCOME stopped", run.sourceOutcome());
    assertEquals("OUTCOME running", run.destinationOutcome());
    assertTrue(run.destinationSkipped().stream().anyMatch(line -> line.contains("vsTA")),
        "the destination reports the statistics chunk it skipped: " + run.destinationErr());
    assertEquals(1, run.sourceStats()[5], "the source hears of one skipped chunk");
  }

  @Test
  void v2ToV1WithTheFeatureInUseIsRefusedAtPreFlight() throws Exception {
    MigrationRun run = migration(v2, v1)
        .sourceOptions("--memory-mib", "8", "--dirty-mib-per-s", "4", "--use-feature")
        .run();

    assertEquals(List.of(), run.violations());
    assertEquals("OUTCOME running", run.sourceOutcome());
    assertEquals(0, run.sourceExit());
    assertFalse(run.paused().isPresent(), "a refusal comes before any pause: " + run.sourceOut());
    assertTrue(run.destinationOutcome().startsWith("OUTCOME not-running "));
    assertTrue(run.destinationOutcome().contains("VfEA"), run.destinationOutcome());
    assertEquals(1, run.destinationExit());
    assertTrue(run.sourceErr().stream().anyMatch(l -> l.contains("BREAKING VfEA")),
        "the source's operator sees the findings: " + run.sourceErr());
  }

  @Test
  void v1RejectsUseFeatureAsAUsageError() throws Exception {
    try (MachineProcess source = MachineProcess.start(v1, line -> {},
        "source", "--connect", "127.0.0.1:9", "--memory-mib", "8", "--use-feature")) {
      assertEquals(2, source.waitFor(Duration.ofSeconds(60)));
      assertEquals(List.of(), source.stdout(), "usage errors go to standard error");
      assertTrue(source.stderr().stream().anyMatch(l -> l.contains("--use-feature")),
          source.stderr().toString());
    }
  }

  @Test
  void aTimeoutBelowAMillisecondIsAUsageErrorOnBothSides() throws Exception {
    // 0.0004 s is more than 0 but rounds to 0 ms, which a socket takes as no bound at all.
    String[][] commands = {
      {"destination", "--listen", "127.0.0.1:0", "--timeout-s", "0.0004"},
      {"source", "--connect", "127.0.0.1:9", "--memory-mib", "8", "--timeout-s", "0.0004"},
    };
    for (String[] command : commands) {
      try (MachineProcess side = MachineProcess.start(v1, line -> {}, command)) {
        assertEquals(2, side.waitFor(Duration.ofSeconds(10)), command[0] + ": " + side.stderr());
        assertEquals(List.of(), side.stdout(), "usage errors go to standard error");
        assertTrue(side.stderr().stream().anyMatch(l -> l.contains("--timeout-s must be")),
            side.stderr().toString());
        assertFalse(side.stderr().stream().anyMatch(l -> l.startsWith("\tat ")),
            "no stack trace: " + side.stderr());
      }
    }
  }

  @Test
  void aConnectionCutMidTransferLeavesTheSourceRunning() throws Exception {
    // The first round alone sends all 64 MiB: far more than the 6 MiB let through plus what the
    // sockets on either side of the proxy can buffer, so the cut always comes before the pause.
    MigrationRun run = migration(v1, v2)
        .sourceOptions("--memory-mib", "64", "--dirty-mib-per-s", "4")
        .cut(CuttingProxy.Direction.UPSTREAM, 6L << 20)
        .run();

    assertTrue(run.cut());
    assertEquals(List.of(), run.violations());
    assertEquals("OUTCOME running", run.sourceOutcome());
    assertEquals(0, run.sourceExit());
    assertFalse(run.paused().isPresent(), run.sourceOut().toString());
    assertTrue(run.destinationOutcome().startsWith("OUTCOME not-running "));
    assertEquals(1, run.destinationExit());
  }

  @Test
  void aDestinationWithoutASourceGivesUpAfterItsTimeout() throws Exception {
    try (MachineProcess destination = MachineProcess.start(v2, line -> {},
        "destination", "--listen", "127.0.0.1:0", "--timeout-s", "1")) {
      assertEquals(1, destination.waitFor(Duration.ofSeconds(60)));
      List<String> out = destination.stdout();
      assertEquals(2, out.size(), out.toString());
      assertTrue(out.get(0).matches("LISTENING \\d+"), out.get(0));
      assertTrue(out.get(1).startsWith("OUTCOME not-running "), out.get(1));
    }
  }
}

package io.chunkstate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.Snapshot;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.report.ResultsReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paired measurement of the targets times the same work on both sides of a pair, and the
 * report judges each target on the median of its JVMs.
 */
class PairedTargetsTest {
  @Test
  void bothSidesOfAStreamPairDoTheSameWork() throws Exception {
    for (String name : PairedTargets.PAIRS.keySet()) {
      if (!name.endsWith(":one") && !name.endsWith(":devices")) {
        continue;
      }
      PairedTargets.Call[] calls = PairedTargets.calls(name);
      Object chunkstate = calls[0].call();
      Object handWritten = calls[1].call();
      if (name.startsWith("write")) {
        assertEquals(handWritten, chunkstate, name + ": the size of the stream written");
      } else {
        assertEquals(
            ((HandWritten.Decoded) handWritten).states(),
            ((Snapshot) chunkstate).states(),
            name + ": the states read");
      }
    }
  }

  @Test
  void everyPairRuns() throws Exception {
    for (String name : PairedTargets.PAIRS.keySet()) {
      if (name.contains("snapshot")) {
        continue; // 64 MiB a side: the stream pairs above read and write the same code paths
      }
      for (PairedTargets.Call call : PairedTargets.calls(name)) {
        assertNotNull(call.call(), name);
      }
    }
  }

  @Test
  void aTargetIsJudgedOnTheMedianOfItsJvms() {
    String table =
        ResultsReport.pairedTable(
            List.of(
                row("read-array:devices", 1.30),
                row("read-array:devices", 1.05),
                row("read-array:devices", 1.08),
                row("decode:protobuf", 1.90),
                row("decode:protobuf", 2.40),
                row("decode:protobuf", 1.95),
                row("write:snapshot-into-array", 0.91),
                row("write:snapshot-into-array", 0.88),
                row("write:snapshot-into-array", 0.95)));
    assertTrue(
        table.contains("| ≤ 1.10× | 1.08× (1.05, 1.08, 1.30) | met |"), table);
    assertTrue(
        table.contains("| ≥ 2× faster | 1.95× as fast (1.90, 1.95, 2.40) | **missed** |"), table);
    assertTrue(
        table.contains(
            "| 64 MiB snapshot write, chunkstate, `StateWriter.into` a byte array, share of the"
                + " copy + CRC32 floor | ≥ 90% | 91% (88%, 91%, 95%) | met |"),
        table);
  }

  private static String[] row(String pair, double ratio) {
    return new String[] {
      pair, "a", "b", "1.0", "1.0", Double.toString(ratio), Double.toString(ratio),
      Double.toString(ratio)
    };
  }
}

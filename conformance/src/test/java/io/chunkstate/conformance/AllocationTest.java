package io.chunkstate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.chunkstate.wire.WireWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A generated codec encodes into a reused buffer without allocating anything. */
class AllocationTest {
  private static final int WARM_UP = 50_000;
  private static final int MEASURED = 100_000;
  private static final int ROUNDS = 5;

  static DeviceState device() {
    List<String> labels = new ArrayList<>(List.of("pci-0000:00:1f.2", "sata", "ahci ☃ 😀"));
    List<Integer> queue = new ArrayList<>(List.of(1, 2, 300_000));
    queue.add(null);
    return new DeviceState(
        31,
        123_456_789_012L,
        true,
        (byte) 11,
        (short) 0x8086,
        'B',
        41.5f,
        3.3,
        7,
        null,
        "ahci controller",
        Shade.LIGHT,
        new byte[256],
        new int[] {1, 2, 3, 4, 5, 6},
        new long[] {0xfebf0000L, 0, 0xc000L},
        new double[] {0.5, Double.NaN},
        new Pair(4, "msi"),
        labels,
        queue,
        new Note(99, "last reset by guest"));
  }

  @Test
  void encodingATwentyFieldStateIntoAReusedBufferAllocatesNothing() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations");
    threads.setThreadAllocatedMemoryEnabled(true);
    DeviceStateChunkCodec codec = new DeviceStateChunkCodec();
    DeviceState state = device();
    WireWriter out = new WireWriter();
    int size = 0;
    for (int i = 0; i < WARM_UP; i++) {
      out.reset();
      out.writeChunk(codec, state);
      size = out.size();
    }

    // A deoptimisation can rematerialise a few objects the JIT had scalar-replaced, and those
    // land on this thread once: a round is repeated if it sees any allocation at all. An encode
    // that allocated would show in every round, at least MEASURED times over.
    List<Long> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < MEASURED; i++) {
        out.reset();
        out.writeChunk(codec, state);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertEquals(size, out.size());
      rounds.add(allocated);
      if (allocated == 0) {
        break;
      }
    }
    assertEquals(0L, rounds.get(rounds.size() - 1), "bytes allocated by " + MEASURED + " encodes, per round: " + rounds);
  }
}

package io.chunkstate.benchmarks;

import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes of a whole stream to an output stream timed in turns, chunkstate then hand-written code,
 * in one JVM, as {@link PairedReads} times reads: {@code StateWriter.open} over a reused {@link
 * ByteSink}, a {@code write} per state and {@code finish()}, against {@link
 * HandWritten#writeStream} into another, as scenario 2 of {@code StreamBenchmark} writes them.
 * Run it with the heap touched in advance, as {@code PairedReads}.
 *
 * <pre>
 * java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.chunkstate.benchmarks.PairedWrites \
 *     stream 64      # a stream of 64 devices
 *     snapshot 1     # the 64 MiB snapshot: 64 devices and 16,384 pages
 * </pre>
 */
public final class PairedWrites {
  private final List<Object> states = new ArrayList<>();
  private final ByteSink ours;
  private final ByteSink theirs;
  private final HandWritten handWritten = new HandWritten(64 * 1024);
  private long consumed;

  private PairedWrites(String what, int n) {
    if (what.equals("snapshot")) {
      MachineSnapshot machine = Fixtures.machine();
      states.addAll(machine.devices());
      states.addAll(machine.pages());
    } else {
      for (int i = 0; i < n; i++) {
        states.add(Fixtures.device(i));
      }
    }
    int capacity = what.equals("snapshot") ? 80 << 20 : 64 * 1024 + 256 * n;
    ours = new ByteSink(capacity);
    theirs = new ByteSink(capacity);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !List.of("stream", "snapshot").contains(args[0])) {
      System.err.println("usage: PairedWrites stream <devices> | snapshot 1");
      System.exit(2);
    }
    PairedWrites writes = new PairedWrites(args[0], Integer.parseInt(args[1]));
    int times = Math.max(1, 200_000 / writes.states.size());
    Turns.Result result = Turns.compare(writes::chunkstate, writes::handWritten, times);
    System.out.println(
        result.line(args[0] + ", " + writes.states.size() + " states", "chunkstate", "write")
            + "; " + (writes.consumed & 1));
  }

  /** Nanoseconds for {@code times} writes by chunkstate. */
  private long chunkstate(int times) {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      ChunkstateCodecs.writeStream(ours, states);
      consumed += ours.size();
    }
    return System.nanoTime() - start;
  }

  /** Nanoseconds for {@code times} writes by hand-written code. */
  private long handWritten(int times) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      theirs.reset();
      handWritten.writeStream(theirs, ChunkstateCodecs.PRODUCER, states);
      consumed += theirs.size();
    }
    return System.nanoTime() - start;
  }
}

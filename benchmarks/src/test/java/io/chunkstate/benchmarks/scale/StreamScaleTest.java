package io.chunkstate.benchmarks.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A 2 GiB stream of pages written with {@code StateWriter} and read back with {@code
 * StateStream} through a pipe, under a heap of 256 MiB (its own surefire execution): the stream
 * is made as it is written and checked as it is read, never held, so it fits eight times over in
 * no heap at all.
 */
class StreamScaleTest {
  private static final long STREAM = 2L << 30;
  private static final long HEAP = 256L << 20;

  @Test
  void aTwoGibibyteStreamIsWrittenAndReadUnderAQuarterGibibyteHeap() throws Exception {
    // It means something only under the small heap of the scale execution in benchmarks/pom.xml.
    assumeTrue(
        Runtime.getRuntime().maxMemory() <= HEAP,
        "runs with -Xmx256m, not " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    long pages = PageStreams.pagesIn(STREAM);
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> written =
          writer.submit(
              () -> {
                try (out) {
                  PageStreams.write(out, pages);
                }
                return null;
              });
      long read;
      try {
        read = PageStreams.read(in, Long.MAX_VALUE);
      } catch (IOException | RuntimeException e) {
        in.close(); // the writer fails too, instead of waiting for a reader
        throw e;
      }
      written.get();
      assertEquals(pages, read, "pages read back");
    } finally {
      writer.shutdownNow();
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    assertTrue(peak <= HEAP, "peak heap " + peak);
    System.out.printf(
        "2 GiB of pages through a pipe: peak heap %d MiB of %d%n", peak >> 20, HEAP >> 20);
  }
}

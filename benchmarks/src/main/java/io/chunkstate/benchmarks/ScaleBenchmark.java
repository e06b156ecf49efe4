package io.chunkstate.benchmarks;

import io.chunkstate.benchmarks.scale.PageStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Streams of pages of 256 MiB, 1 GiB and 2 GiB under a 256 MiB heap, made on the fly and never
 * stored: written with {@code StateWriter} to an output stream that counts, read with {@code
 * StateStream} from a source that replays a valid stream, every page decoded and compared. The
 * time should grow with the stream, and the heap not at all: after each fork, the highest heap
 * use seen in any measured iteration (the peak of every heap pool, summed) is appended to {@code
 * scale-heap.tsv} in the working directory, one line per benchmark and size.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class ScaleBenchmark {
  @Param({"256", "1024", "2048"})
  public int mebibytes;

  private long pages;
  private long peak;

  /** The number of pages. */
  @Setup
  public void setUp() {
    pages = PageStreams.pagesIn((long) mebibytes << 20);
  }

  /** Starts counting the heap's peak anew. */
  @Setup(Level.Iteration)
  public void resetPeak() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Keeps the highest peak of the iterations. */
  @TearDown(Level.Iteration)
  public void readPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    peak = Math.max(peak, sum);
  }

  /** Appends the peak to {@code scale-heap.tsv}. */
  @TearDown
  public void report(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    try {
      Files.writeString(
          Path.of("scale-heap.tsv"),
          method + "\t" + mebibytes + "\t" + peak + "\t" + Runtime.getRuntime().maxMemory() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the stream to a counting sink. */
  @Benchmark
  public long write() throws IOException {
    PageStreams.CountingSink sink = new PageStreams.CountingSink();
    PageStreams.write(sink, pages);
    return sink.count();
  }

  /** Reads the stream from a replaying source, every page decoded and compared. */
  @Benchmark
  public long read() throws IOException {
    return PageStreams.read(new PageStreams.Source(pages), PageStreams.DISTINCT);
  }
}

package io.chunkstate.benchmarks;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's one-call helpers for boxed values and lists ({@code writeBoxedInt}, {@code
 * writeStringList}, {@code readIntegerList} and the like) against the field-by-field code a
 * generated codec holds today for the same fields: the same bytes, in the same run. A codec that
 * called the helpers would be shorter by the lines of each loop; this measures what that costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class HelpersBenchmark {
  private static final ChunkType DATA = ChunkType.of("DaTa");

  private final Integer pending = 42;
  private final List<String> labels = new ArrayList<>(List.of("pci-0000:00:1f.2", "sata", "ahci"));
  private final List<Integer> queue = new ArrayList<>(Arrays.asList(1, 2, null, 300_000));
  private final WireWriter out = new WireWriter(512);
  private byte[] bytes;

  /** The bytes both decoders read. */
  @Setup
  public void write() {
    inlineEncode();
    bytes = out.toByteArray();
  }

  /** Field by field, as generated today. */
  @Benchmark
  public int inlineEncode() {
    out.reset();
    Integer p = pending;
    if (out.writePresence(p)) {
      out.writeInt(p);
    }
    List<String> l = labels;
    if (l == null) {
      out.writeCount(-1);
    } else {
      out.writeCount(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.writeString(l.get(i));
      }
    }
    List<Integer> q = queue;
    if (q == null) {
      out.writeCount(-1);
    } else {
      out.writeCount(q.size());
      for (int i = 0; i < q.size(); i++) {
        Integer element = q.get(i);
        if (out.writePresence(element)) {
          out.writeInt(element);
        }
      }
    }
    return out.size();
  }

  /** The same fields through the helpers: three calls. */
  @Benchmark
  public int helperEncode() {
    out.reset();
    out.writeBoxedInt(pending);
    out.writeStringList(labels);
    out.writeIntegerList(queue);
    return out.size();
  }

  /** Field by field, as generated today. */
  @Benchmark
  public Object inlineDecode() throws ChunkStreamException {
    WireReader in = WireReader.of(DATA, bytes);
    Integer p = in.readPresence() ? in.readInt() : null;
    List<String> l;
    int lCount = in.readCount(4);
    if (lCount < 0) {
      l = null;
    } else {
      l = new ArrayList<>(lCount);
      for (int i = 0; i < lCount; i++) {
        l.add(in.readString());
      }
    }
    List<Integer> q;
    int qCount = in.readCount(1);
    if (qCount < 0) {
      q = null;
    } else {
      q = new ArrayList<>(qCount);
      for (int i = 0; i < qCount; i++) {
        q.add(in.readPresence() ? in.readInt() : null);
      }
    }
    return p.intValue() + l.size() + q.size();
  }

  /** The same fields through the helpers: three calls. */
  @Benchmark
  public Object helperDecode() throws ChunkStreamException {
    WireReader in = WireReader.of(DATA, bytes);
    Integer p = in.readBoxedInt();
    List<String> l = in.readStringList();
    List<Integer> q = in.readIntegerList();
    return p.intValue() + l.size() + q.size();
  }
}

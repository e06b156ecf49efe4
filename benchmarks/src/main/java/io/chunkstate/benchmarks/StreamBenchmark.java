package io.chunkstate.benchmarks;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole streams through the public API only, as a user writes and reads them: {@code
 * StateWriter.open} over an output stream or {@code StateWriter.into} a byte array, one {@code
 * write} per state and {@code finish}; {@code StateReader.read} from a byte array or an input
 * stream. Each against hand-written code producing and checking the same bytes, in the same run:
 * into its own buffer (the byte array cases), or chunk by chunk to the same output stream, a
 * page's data handed over without a copy; reading a byte array in place, or an input stream
 * chunk by chunk into one reused buffer.
 *
 * <p>The streams: one device ({@code one}), {@value Fixtures#MACHINE_DEVICES} devices ({@code
 * devices}), and the 64 MiB machine snapshot, devices then pages ({@code snapshot}). The output
 * stream is a reused {@link ByteSink}; the input stream a {@link ByteArrayInputStream}, new for
 * each read as a user would make it.
 *
 * <p>Every benchmark here is one side of a ratio that is a target, so each runs in two forks: one
 * fork's JIT decisions move a result by up to 15%, and the mean of two moves less.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
@State(Scope.Benchmark)
public class StreamBenchmark {
  @Param({"one", "devices", "snapshot"})
  public String stream;

  private List<Object> states;
  private ByteSink sink;
  private byte[] target;
  private byte[] bytes;
  private HandWritten handWritten;
  private HandWritten handWrittenChunks;

  /** Builds the states and writes their stream once, to read. */
  @Setup
  public void setUp() {
    states = new ArrayList<>();
    switch (stream) {
      case "one" -> states.add(Fixtures.device(3));
      case "devices" -> {
        for (int i = 0; i < Fixtures.MACHINE_DEVICES; i++) {
          states.add(Fixtures.device(i));
        }
      }
      case "snapshot" -> {
        MachineSnapshot machine = Fixtures.machine();
        states.addAll(machine.devices());
        states.addAll(machine.pages());
      }
      default -> throw new IllegalArgumentException(stream);
    }
    int capacity = stream.equals("snapshot") ? (int) (Fixtures.MACHINE_MEMORY * 9 / 8) : 64 * 1024;
    sink = new ByteSink(capacity);
    target = new byte[capacity];
    handWritten = new HandWritten(capacity);
    handWrittenChunks = new HandWritten(8 * 1024);
    ChunkstateCodecs.writeStream(sink, states);
    bytes = sink.toByteArray();
  }

  /** chunkstate: {@code StateWriter.open} over an output stream. */
  @Benchmark
  public int writeOutputStreamChunkstate() {
    ChunkstateCodecs.writeStream(sink, states);
    return sink.size();
  }

  /** Hand-written: the same bytes to the same output stream, chunk by chunk. */
  @Benchmark
  public int writeOutputStreamHandWritten() throws IOException {
    sink.reset();
    handWrittenChunks.writeStream(sink, ChunkstateCodecs.PRODUCER, states);
    return sink.size();
  }

  /** chunkstate: {@code StateWriter.into} a byte array. */
  @Benchmark
  public int writeArrayChunkstate() throws IOException {
    StateWriter writer =
        StateWriter.into(target, 0, ChunkstateCodecs.PRODUCER, ChunkstateCodecs.REGISTRY);
    for (Object state : states) {
      writer.write(state);
    }
    writer.finish();
    return writer.position();
  }

  /** Hand-written: the same bytes into its byte array. */
  @Benchmark
  public int writeArrayHandWritten() {
    handWritten.reset();
    handWritten.writeHeader(ChunkstateCodecs.PRODUCER);
    for (Object state : states) {
      handWritten.write(state);
    }
    handWritten.writeEnd();
    return handWritten.size();
  }

  /** chunkstate: {@code StateReader.read} of a byte array. */
  @Benchmark
  public Snapshot readArrayChunkstate() throws ChunkStreamException {
    return StateReader.read(bytes, ChunkstateCodecs.REGISTRY);
  }

  /** Hand-written: the same bytes read and checked in place. */
  @Benchmark
  public HandWritten.Decoded readArrayHandWritten() throws ChunkStreamException {
    return handWritten.readStream(bytes);
  }

  /** chunkstate: {@code StateReader.read} of an input stream. */
  @Benchmark
  public Snapshot readInputStreamChunkstate() throws IOException {
    return StateReader.read(new ByteArrayInputStream(bytes), ChunkstateCodecs.REGISTRY);
  }

  /** Hand-written: the same bytes from an input stream, chunk by chunk. */
  @Benchmark
  public HandWritten.Decoded readInputStreamHandWritten() throws IOException {
    return handWrittenChunks.readStream(new ByteArrayInputStream(bytes));
  }
}

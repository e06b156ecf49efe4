package io.chunkstate.benchmarks;

import io.chunkstate.ChunkCodec;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.baseline.JdkSerialization;
import io.chunkstate.benchmarks.baseline.KryoCodec;
import io.chunkstate.benchmarks.baseline.KryoCompatibleCodec;
import io.chunkstate.benchmarks.baseline.ProtobufCodec;
import io.chunkstate.benchmarks.baseline.Sbe;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 1, encode: one small device state (twenty fields and a sub-chunk) into a reused
 * buffer. chunkstate writes the framed chunk with its generated codec, exactly as {@code
 * StateWriter.write} does for each state; each baseline writes the same values its own way.
 *
 * <p>chunkstate and the hand-written code, whose ratio is a target, run in three forks each: what
 * one fork's JIT decides (inlining, code layout) moves a result of this size by up to 15%, and the
 * mean of three moves much less. The other codecs run in one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
@State(Scope.Thread)
public class DeviceEncodeBenchmark {
  private DeviceState device = Fixtures.device(3);
  private final HandWritten handWritten = new HandWritten(512);
  private final Sbe sbe = new Sbe(512);
  private final KryoCodec kryo = new KryoCodec(512);
  private final KryoCompatibleCodec kryoCompatible = new KryoCompatibleCodec(512);
  private final ProtobufCodec protobuf = new ProtobufCodec(512);
  private final JdkSerialization jdk = new JdkSerialization(2048);

  /** chunkstate's side: the generated codec, found in the registry as a writer finds it. */
  @State(Scope.Thread)
  public static class Chunkstate {
    final ChunkCodec<DeviceState> codec = ChunkstateCodecs.codec(DeviceState.class);
    final WireWriter wire = new WireWriter(512);
  }

  /** chunkstate: the generated codec, framed and checksummed by {@code WireWriter}. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public int chunkstate(Chunkstate c) {
    c.wire.reset();
    c.wire.writeChunk(c.codec, device);
    return c.wire.size();
  }

  /** The same bytes from straight-line VarHandle code and CRC32. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public int handWritten() {
    handWritten.reset();
    handWritten.writeDevice(device);
    return handWritten.size();
  }

  /** SBE flyweights, no checksum. */
  @Benchmark
  public int sbe() {
    return sbe.encode(device);
  }

  /** SBE flyweights, then a CRC-32 of the message appended. */
  @Benchmark
  public int sbeCrc() {
    return sbe.encodeChecked(device);
  }

  /** Kryo 5, classes registered. */
  @Benchmark
  public int kryo() {
    return kryo.encode(device);
  }

  /** Kryo 5, {@code CompatibleFieldSerializer}: fields a reader does not know are skipped. */
  @Benchmark
  public int kryoCompatible() {
    return kryoCompatible.encode(device);
  }

  /** protobuf-java 4: the record converted to its message and written into a reused array. */
  @Benchmark
  public int protobuf() {
    return protobuf.encode(device);
  }

  /** JDK serialization. */
  @Benchmark
  public int jdk() {
    return jdk.encode(device);
  }
}

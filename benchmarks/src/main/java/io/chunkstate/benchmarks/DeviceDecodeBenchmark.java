package io.chunkstate.benchmarks;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkDecoder;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.StateReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.baseline.JdkSerialization;
import io.chunkstate.benchmarks.baseline.KryoCodec;
import io.chunkstate.benchmarks.baseline.KryoCompatibleCodec;
import io.chunkstate.benchmarks.baseline.ProtobufCodec;
import io.chunkstate.benchmarks.baseline.Sbe;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
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
 * Scenario 1, decode: one small device state back from bytes, into a new object.
 *
 * <p>{@link #chunkstate} reads the framed device chunk that {@link DeviceEncodeBenchmark} writes:
 * a {@code ChunkDecoder} kept across reads, as the encode keeps its {@code WireWriter}, checks its
 * length, type and CRC, then the generated codec decodes its data and its timer sub-chunk. That is
 * the unit the other codecs decode: one message, one checksum.
 *
 * <p>{@link #chunkstateStream} reads the whole stream {@code StateWriter} writes for that one
 * device (signature, {@code CHDR}, the device chunk, {@code CEND}) with {@code
 * StateReader.read(byte[], registry)}: what a destination calls, fixed per-stream costs included.
 *
 * <p>The hand-written baseline reads and checks the same bytes in both forms; the other baselines
 * read what they wrote. chunkstate and the hand-written code, whose ratios are targets, run in
 * three forks each, as in {@link DeviceEncodeBenchmark}; the others in one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
@State(Scope.Thread)
public class DeviceDecodeBenchmark {
  private final HandWritten handWritten = new HandWritten(512);
  private final Sbe sbe = new Sbe(512);
  private final KryoCodec kryo = new KryoCodec(512);
  private final KryoCompatibleCodec kryoCompatible = new KryoCompatibleCodec(512);
  private final ProtobufCodec protobuf = new ProtobufCodec(512);
  private final JdkSerialization jdk = new JdkSerialization(2048);

  private byte[] handWrittenChunk;
  private byte[] handWrittenStream;
  private byte[] sbeBytes;
  private byte[] sbeCrcBytes;
  private int sbeCrcLength;
  private byte[] kryoBytes;
  private int kryoLength;
  private byte[] jdkBytes;
  private byte[] kryoCompatibleBytes;
  private int kryoCompatibleLength;
  private byte[] protobufBytes;
  private int protobufLength;
  private int jdkLength;

  /** Encodes the device once with every codec. */
  @Setup
  public void encode() {
    DeviceState device = Fixtures.device(3);
    handWritten.writeDevice(device);
    handWrittenChunk = handWritten.toByteArray();
    handWritten.reset();
    handWritten.writeHeader(ChunkstateCodecs.PRODUCER);
    handWritten.writeDevice(device);
    handWritten.writeEnd();
    handWrittenStream = handWritten.toByteArray();
    sbeBytes = Arrays.copyOf(sbe.buffer(), sbe.encode(device));
    sbeCrcLength = sbe.encodeChecked(device);
    sbeCrcBytes = Arrays.copyOf(sbe.buffer(), sbeCrcLength);
    kryoLength = kryo.encode(device);
    kryoBytes = Arrays.copyOf(kryo.buffer(), kryoLength);
    kryoCompatibleLength = kryoCompatible.encode(device);
    kryoCompatibleBytes = Arrays.copyOf(kryoCompatible.buffer(), kryoCompatibleLength);
    protobufLength = protobuf.encode(device);
    protobufBytes = Arrays.copyOf(protobuf.buffer(), protobufLength);
    jdkLength = jdk.encode(device);
    jdkBytes = Arrays.copyOf(jdk.buffer(), jdkLength);
  }

  /** chunkstate's side: the chunk and the stream chunkstate writes for the device. */
  @State(Scope.Thread)
  public static class Chunkstate {
    final ChunkCodec<DeviceState> codec = ChunkstateCodecs.codec(DeviceState.class);
    final ChunkDecoder decoder = new ChunkDecoder();
    byte[] chunk;
    byte[] stream;

    /** Writes the chunk and the stream. */
    @Setup
    public void write() {
      DeviceState device = Fixtures.device(3);
      WireWriter wire = new WireWriter();
      wire.writeChunk(codec, device);
      chunk = wire.toByteArray();
      ByteSink sink = new ByteSink(512);
      ChunkstateCodecs.writeStream(sink, List.of(device));
      stream = sink.toByteArray();
    }
  }

  /** chunkstate: one framed chunk checked and decoded by its generated codec. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public DeviceState chunkstate(Chunkstate c) throws ChunkStreamException {
    return c.decoder.decode(c.codec, c.chunk);
  }

  /** The same chunk read and checked by straight-line code. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public DeviceState handWritten() throws ChunkStreamException {
    return handWritten.readDevice(handWrittenChunk);
  }

  /** chunkstate: a whole one-device stream, through {@code StateReader}. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public DeviceState chunkstateStream(Chunkstate c) throws ChunkStreamException {
    return StateReader.read(c.stream, ChunkstateCodecs.REGISTRY).get(DeviceState.class);
  }

  /** The same stream read and checked by straight-line code. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
  public Object handWrittenStream() throws ChunkStreamException {
    return handWritten.readStream(handWrittenStream).states().get(0);
  }

  /** SBE flyweights, no checksum. */
  @Benchmark
  public DeviceState sbe() {
    return sbe.decode(sbeBytes);
  }

  /** SBE flyweights after a CRC-32 check of the message. */
  @Benchmark
  public DeviceState sbeCrc() {
    return sbe.decodeChecked(sbeCrcBytes, sbeCrcLength);
  }

  /** Kryo 5, classes registered. */
  @Benchmark
  public DeviceState kryo() {
    return kryo.decode(kryoBytes, kryoLength, DeviceState.class);
  }

  /** Kryo 5, {@code CompatibleFieldSerializer}. */
  @Benchmark
  public DeviceState kryoCompatible() {
    return kryoCompatible.decodeDevice(kryoCompatibleBytes, kryoCompatibleLength);
  }

  /** protobuf-java 4: the generated parser, then the record built from the message. */
  @Benchmark
  public DeviceState protobuf() {
    return protobuf.decodeDevice(protobufBytes, protobufLength);
  }

  /** JDK serialization. */
  @Benchmark
  public DeviceState jdk() {
    return jdk.decode(jdkBytes, jdkLength, DeviceState.class);
  }
}

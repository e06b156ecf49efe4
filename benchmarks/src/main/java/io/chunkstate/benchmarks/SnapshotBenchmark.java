package io.chunkstate.benchmarks;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.baseline.JdkSerialization;
import io.chunkstate.benchmarks.baseline.KryoCodec;
import io.chunkstate.benchmarks.baseline.KryoCompatibleCodec;
import io.chunkstate.benchmarks.baseline.ProtobufCodec;
import io.chunkstate.benchmarks.baseline.Sbe;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Page;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
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
 * Scenario 3: a machine snapshot, {@value Fixtures#MACHINE_DEVICES} devices and 64 MiB of memory
 * in 4 KiB pages, written to a byte array and read back from one. chunkstate writes one stream
 * with {@code StateWriter} (one top-level chunk per device and per page) two ways, over an output
 * stream that fills an array and {@code into} the array itself, and reads it with {@code
 * StateReader.read(byte[], registry)}; {@link #floor()} is what moving the same bytes costs at
 * least: one {@code System.arraycopy} and one {@code CRC32} pass.
 *
 * <p>The heap is touched at start-up ({@code -XX:+AlwaysPreTouch}): a read allocates 64 MiB of
 * pages, and without it the first pass through each new stretch of heap pays the operating
 * system's page faults, which measures the machine, not the codec.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", Jvm.AGRONA})
@State(Scope.Benchmark)
public class SnapshotBenchmark {
  private static final int CAPACITY = (int) (Fixtures.MACHINE_MEMORY * 9 / 8);

  private MachineSnapshot machine;
  private HandWritten handWritten;
  private Sbe sbe;
  private KryoCodec kryo;
  private KryoCompatibleCodec kryoCompatible;
  private ProtobufCodec protobuf;
  private JdkSerialization jdk;
  private final CRC32 crc = new CRC32();

  private byte[] handWrittenStream;
  private byte[] copy;
  private byte[] sbeBytes;
  private byte[] sbeCrcBytes;
  private byte[] kryoBytes;
  private byte[] jdkBytes;
  private byte[] kryoCompatibleBytes;
  private byte[] protobufBytes;

  /** Builds the machine and encodes it once with every codec. */
  @Setup
  public void encode() {
    machine = Fixtures.machine();
    handWritten = new HandWritten(CAPACITY);
    sbe = new Sbe(CAPACITY);
    kryo = new KryoCodec(CAPACITY);
    jdk = new JdkSerialization(CAPACITY);
    kryoCompatible = new KryoCompatibleCodec(CAPACITY);
    protobuf = new ProtobufCodec(CAPACITY);
    writeHandWritten();
    handWrittenStream = handWritten.toByteArray();
    copy = new byte[handWrittenStream.length];
    sbeBytes = Arrays.copyOf(sbe.buffer(), sbe.encode(machine));
    sbeCrcBytes = Arrays.copyOf(sbe.buffer(), sbe.encodeChecked(machine));
    kryoBytes = Arrays.copyOf(kryo.buffer(), kryo.encode(machine));
    jdkBytes = Arrays.copyOf(jdk.buffer(), jdk.encode(machine));
    kryoCompatibleBytes = Arrays.copyOf(kryoCompatible.buffer(), kryoCompatible.encode(machine));
    protobufBytes = Arrays.copyOf(protobuf.buffer(), protobuf.encode(machine));
  }

  /**
   * chunkstate's side: a reused output stream over a byte array to write to, a byte array to write
   * into, and the stream to read.
   */
  @State(Scope.Benchmark)
  public static class Chunkstate {
    ByteSink sink;
    byte[] target;
    byte[] stream;

    /** Writes the stream once. */
    @Setup
    public void write(SnapshotBenchmark benchmark) {
      sink = new ByteSink(CAPACITY);
      target = new byte[CAPACITY];
      ChunkstateCodecs.writeStream(sink, benchmark.machine);
      stream = sink.toByteArray();
    }
  }

  /** The floor: the stream's bytes copied once and checksummed once. */
  @Benchmark
  public long floor() {
    byte[] stream = handWrittenStream;
    System.arraycopy(stream, 0, copy, 0, stream.length);
    crc.reset();
    crc.update(stream, 0, stream.length);
    return crc.getValue();
  }

  /** chunkstate: {@code StateWriter.open} over a reused output stream into a byte array. */
  @Benchmark
  public int writeChunkstate(Chunkstate c) {
    ChunkstateCodecs.writeStream(c.sink, machine);
    return c.sink.size();
  }

  /**
   * chunkstate: {@code StateWriter.into} a reused byte array, as a snapshot kept in memory is
   * written, and as the hand-written code writes into its own array.
   */
  @Benchmark
  public int writeChunkstateIntoArray(Chunkstate c) throws IOException {
    StateWriter writer =
        StateWriter.into(c.target, 0, ChunkstateCodecs.PRODUCER, ChunkstateCodecs.REGISTRY);
    for (Object device : machine.devices()) {
      writer.write(device);
    }
    for (Object page : machine.pages()) {
      writer.write(page);
    }
    writer.finish();
    return writer.position();
  }

  /** The same stream from straight-line code. */
  @Benchmark
  public int writeHandWritten() {
    handWritten.reset();
    handWritten.writeHeader(ChunkstateCodecs.PRODUCER);
    for (DeviceState device : machine.devices()) {
      handWritten.writeDevice(device);
    }
    for (Page page : machine.pages()) {
      handWritten.writePage(page);
    }
    handWritten.writeEnd();
    return handWritten.size();
  }

  /** SBE: one message per device and one for memory, no checksum. */
  @Benchmark
  public int writeSbe() {
    return sbe.encode(machine);
  }

  /** SBE, then a CRC-32 of all of it. */
  @Benchmark
  public int writeSbeCrc() {
    return sbe.encodeChecked(machine);
  }

  /** Kryo 5, classes registered. */
  @Benchmark
  public int writeKryo() {
    return kryo.encode(machine);
  }

  /** Kryo 5, {@code CompatibleFieldSerializer}. */
  @Benchmark
  public int writeKryoCompatible() {
    return kryoCompatible.encode(machine);
  }

  /** protobuf-java 4: one {@code MachineProto} holding every device and page. */
  @Benchmark
  public int writeProtobuf() {
    return protobuf.encode(machine);
  }

  /** JDK serialization. */
  @Benchmark
  public int writeJdk() {
    return jdk.encode(machine);
  }

  /** chunkstate: {@code StateReader.read(byte[], registry)}, every chunk checked and decoded. */
  @Benchmark
  public Snapshot readChunkstate(Chunkstate c) throws ChunkStreamException {
    return StateReader.read(c.stream, ChunkstateCodecs.REGISTRY);
  }

  /** The same bytes, written by the hand-written encoder, read and checked by straight-line code. */
  @Benchmark
  public HandWritten.Decoded readHandWritten() throws ChunkStreamException {
    return handWritten.readStream(handWrittenStream);
  }

  /** SBE, no checksum. */
  @Benchmark
  public MachineSnapshot readSbe() {
    return sbe.decodeMachine(sbeBytes);
  }

  /** SBE after a CRC-32 check of all of it. */
  @Benchmark
  public MachineSnapshot readSbeCrc() {
    return sbe.decodeMachineChecked(sbeCrcBytes, sbeCrcBytes.length);
  }

  /** Kryo 5, classes registered. */
  @Benchmark
  public MachineSnapshot readKryo() {
    return kryo.decode(kryoBytes, kryoBytes.length, MachineSnapshot.class);
  }

  /** Kryo 5, {@code CompatibleFieldSerializer}. */
  @Benchmark
  public MachineSnapshot readKryoCompatible() {
    return kryoCompatible.decodeMachine(kryoCompatibleBytes, kryoCompatibleBytes.length);
  }

  /** protobuf-java 4. */
  @Benchmark
  public MachineSnapshot readProtobuf() {
    return protobuf.decodeMachine(protobufBytes, protobufBytes.length);
  }

  /** JDK serialization. */
  @Benchmark
  public MachineSnapshot readJdk() {
    return jdk.decode(jdkBytes, jdkBytes.length, MachineSnapshot.class);
  }
}

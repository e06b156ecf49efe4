package io.chunkstate.benchmarks;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkDecoder;
import io.chunkstate.ChunkType;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateReader;
import io.chunkstate.StateStream;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.ChunkOutput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads timed in turns, chunkstate then hand-written code, in one JVM: where JMH runs one side's
 * forks and then the other's, a stretch in which a shared machine runs slower falls here on both
 * sides of every ratio. Prints each side's median time and the median of the per-round ratios;
 * "Where the time goes" in {@code docs/PERFORMANCE.md} quotes it. Not a JMH benchmark: no fork,
 * no blackhole, but the same JIT for both sides, and results consumed into a field. Run it with
 * the heap touched in advance ({@code -XX:+AlwaysPreTouch}): without, a read of short chunks can
 * turn several times slower for the rest of the run.
 *
 * <pre>
 * java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.chunkstate.benchmarks.PairedReads \
 *     stream 64      # StateReader.read(byte[], registry) against HandWritten.readStream
 *     framing 64     # StateStream.next() over every chunk, unread, against a loop that checks
 *                    # each chunk's length, type letters and CRC
 *     sub-chunks 64  # WireReader.nextSubChunk() over 64 sub-chunks of 13 bytes (which also checks
 *                    # the depth, the reserved codes and the budget), against that loop
 *     small-chunks 8 # ChunkInput.next() over 1,000 chunks of 8 bytes of data, against that loop
 *     chunk 1        # one framed device chunk, ChunkDecoder.decode with the generated codec,
 *                    # against HandWritten.readDevice
 *     allocation 112 # HandWritten.readDevice and an array of 112 bytes in all, left for the
 *                    # collector, against HandWritten.readDevice alone: what allocation costs
 *     snapshot 1     # the 64 MiB snapshot (64 devices, 16,384 pages), StateReader.read(byte[],
 *                    # registry) against HandWritten.readStream
 * </pre>
 */
public final class PairedReads {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final ChunkType CONTAINER = ChunkType.of("BeNc");
  private static final ChunkType SUB_CHUNK = ChunkType.of("TmRS");
  private static final ChunkType REGISTER = ChunkType.of("reGs");
  private static final ChunkCodec<DeviceState> DEVICE = ChunkstateCodecs.codec(DeviceState.class);
  private static final int SMALL_CHUNKS = 1000;

  private final CRC32 crc = new CRC32();
  private final ChunkDecoder decoder = new ChunkDecoder();
  private final HandWritten handWritten = new HandWritten(64 * 1024);
  private final String what;
  private final byte[] bytes;
  private final int chunks;
  private final int garbage;
  private long consumed;
  private Object kept;

  private PairedReads(String what, int n) throws IOException {
    this.what = what;
    this.garbage = Math.max(16, n) - 16; // an array's header takes 16 of the bytes
    switch (what) {
      case "chunk", "allocation" -> {
        chunks = 1;
        WireWriter wire = new WireWriter();
        wire.writeChunk(DEVICE, Fixtures.device(3));
        bytes = wire.toByteArray();
      }
      case "sub-chunks" -> {
        chunks = n;
        bytes = subChunks(n);
      }
      case "snapshot" -> {
        MachineSnapshot machine = Fixtures.machine();
        chunks = machine.devices().size() + machine.pages().size();
        ByteSink sink = new ByteSink(80 << 20);
        ChunkstateCodecs.writeStream(sink, machine);
        bytes = sink.toByteArray();
      }
      case "small-chunks" -> {
        chunks = SMALL_CHUNKS;
        bytes = smallChunks(n);
      }
      default -> {
        chunks = n;
        bytes = stream(n);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2
        || !List.of(
                "stream", "framing", "sub-chunks", "small-chunks", "chunk", "allocation", "snapshot")
            .contains(args[0])) {
      System.err.println(
          "usage: PairedReads <stream|framing|sub-chunks> <chunks> | small-chunks <data bytes>"
              + " | chunk 1 | allocation <bytes> | snapshot 1");
      System.exit(2);
    }
    new PairedReads(args[0], Integer.parseInt(args[1])).run();
  }

  private void run() throws Exception {
    int reads = Math.max(1, 200_000 / Math.max(1, chunks));
    Turns.Result result = Turns.compare(this::chunkstate, this::handWritten, reads);
    String side =
        what.equals("allocation") ? "hand-written and " + (garbage + 16) + " bytes" : "chunkstate";
    System.out.println(
        result.line(what + ", " + chunks + " chunks", side, "read") + "; "
            + ((consumed + (kept == null ? 0 : 1)) & 1));
  }

  /** Nanoseconds for {@code reads} reads by chunkstate. */
  private long chunkstate(int reads) throws Exception {
    long start = System.nanoTime();
    switch (what) {
      case "stream", "snapshot" -> {
        for (int i = 0; i < reads; i++) {
          consumed += StateReader.read(bytes, ChunkstateCodecs.REGISTRY).states().size();
        }
      }
      case "framing" -> {
        for (int i = 0; i < reads; i++) {
          try (StateStream stream =
              StateStream.open(bytes, ChunkstateCodecs.REGISTRY, ReadOptions.defaults())) {
            while (stream.next()) {
              consumed++;
            }
          }
        }
      }
      case "chunk" -> {
        for (int i = 0; i < reads; i++) {
          consumed += decoder.decode(DEVICE, bytes).id();
        }
      }
      case "allocation" -> {
        for (int i = 0; i < reads; i++) {
          consumed += handWritten.readDevice(bytes).id();
          kept = new byte[garbage];
        }
      }
      case "small-chunks" -> {
        for (int i = 0; i < reads; i++) {
          try (ChunkInput input = ChunkInput.open(bytes, Signature.PNG)) {
            for (RawChunk chunk = input.next(); chunk != null; chunk = input.next()) {
              consumed += chunk.length();
            }
          }
        }
      }
      default -> {
        for (int i = 0; i < reads; i++) {
          WireReader container = WireReader.of(CONTAINER, bytes);
          while (container.hasRemaining()) {
            WireReader sub = container.nextSubChunk();
            consumed += sub.getLong(sub.take(13)) + sub.typeValue();
          }
        }
      }
    }
    return System.nanoTime() - start;
  }

  /** Nanoseconds for {@code reads} reads by hand-written code. */
  private long handWritten(int reads) throws Exception {
    long start = System.nanoTime();
    switch (what) {
      case "stream", "snapshot" -> {
        for (int i = 0; i < reads; i++) {
          consumed += handWritten.readStream(bytes).states().size();
        }
      }
      case "framing", "small-chunks" -> {
        for (int i = 0; i < reads; i++) {
          consumed += frames(bytes, 8);
        }
      }
      case "chunk", "allocation" -> {
        for (int i = 0; i < reads; i++) {
          consumed += handWritten.readDevice(bytes).id();
        }
      }
      default -> {
        for (int i = 0; i < reads; i++) {
          consumed += frames(bytes, 0);
        }
      }
    }
    return System.nanoTime() - start;
  }

  /** Checks the chunks of {@code b} from {@code at} on: length, type letters, CRC. */
  private long frames(byte[] b, int at) {
    long sum = 0;
    while (at < b.length) {
      int left = b.length - at;
      int len = left < 12 ? -1 : (int) INT.get(b, at);
      int type = left < 12 ? 0 : (int) INT.get(b, at + 4);
      if (len < 0 || len > left - 12 || !ChunkType.isValid(type)) {
        throw new IllegalStateException("bad chunk at " + at);
      }
      crc.reset();
      crc.update(b, at + 4, 4 + len);
      if ((int) INT.get(b, at + 8 + len) != (int) crc.getValue()) {
        throw new IllegalStateException("bad CRC at " + at);
      }
      sum += len >= 8 ? (long) LONG.get(b, at + 8) + type : type;
      at += 12 + len;
    }
    return sum;
  }

  /** A stream of {@code devices} devices, as the benchmarks write it. */
  private static byte[] stream(int devices) {
    List<Object> states = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      states.add(Fixtures.device(i));
    }
    ByteSink sink = new ByteSink(64 * 1024 + 256 * devices);
    ChunkstateCodecs.writeStream(sink, states);
    return sink.toByteArray();
  }

  /** {@link #SMALL_CHUNKS} chunks of {@code length} bytes of data each, after PNG's signature. */
  private static byte[] smallChunks(int length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkOutput output = ChunkOutput.open(out, Signature.PNG)) {
      byte[] data = new byte[length];
      for (int i = 0; i < SMALL_CHUNKS; i++) {
        if (length > 0) {
          data[0] = (byte) i;
        }
        output.write(REGISTER, data);
      }
    }
    return out.toByteArray();
  }

  /** {@code n} chunks of type {@code TmRS} and 13 bytes each, one after the other. */
  private static byte[] subChunks(int n) {
    byte[] b = new byte[25 * n];
    CRC32 crc = new CRC32();
    for (int i = 0; i < n; i++) {
      int at = 25 * i;
      INT.set(b, at, 13);
      INT.set(b, at + 4, SUB_CHUNK.value());
      LONG.set(b, at + 8, 1_000_000L * i);
      crc.update(b, at + 4, 17);
      INT.set(b, at + 21, (int) crc.getValue());
      crc.reset();
    }
    return b;
  }
}

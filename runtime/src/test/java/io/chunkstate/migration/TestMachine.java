package io.chunkstate.migration;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.Restore;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateWriter;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A small machine for the session's tests, in two versions: a CPU, a NIC whose version 2 has a
 * critical TSO sub-chunk present only while the feature is in use, and in version 2 an ancillary
 * statistics chunk. Guest memory is on the heap, with a dirty log, and a workload thread that
 * dirties it while the machine runs.
 */
final class TestMachine {
  static final ChunkType CPU = ChunkType.of("CpUs");
  static final ChunkType NIC = ChunkType.of("NiCs");
  static final ChunkType TSO = ChunkType.of("TsOf");
  static final ChunkType STATS = ChunkType.of("stAt");

  record Cpu(long pc, long acc) {}

  record Tso(int mss) {}

  record Nic(int rdtr, Tso tso) {}

  record Stats(long migrations) {}

  private TestMachine() {}

  // ---- codecs ----

  private static final List<FieldDescription> CPU_FIELDS =
      List.of(
          FieldDescription.of("pc", WireType.Primitive.LONG, "long"),
          FieldDescription.of("acc", WireType.Primitive.LONG, "long"));
  private static final List<FieldDescription> NIC_FIELDS =
      List.of(FieldDescription.of("rdtr", WireType.Primitive.INT, "int"));

  static final ChunkCodec<Cpu> CPU_CODEC =
      new Described<>(CPU, Cpu.class, new TypeDescription(CPU, "t.Cpu", CPU_FIELDS, List.of())) {
        @Override
        public void encode(Cpu cpu, WireWriter out) {
          out.writeLong(cpu.pc());
          out.writeLong(cpu.acc());
        }

        @Override
        public Cpu decode(WireReader in) throws ChunkStreamException {
          return new Cpu(in.readLong(), in.readLong());
        }
      };

  static final ChunkCodec<Tso> TSO_CODEC =
      new Described<>(
          TSO,
          Tso.class,
          new TypeDescription(
              TSO, "t.Tso", List.of(FieldDescription.of("mss", WireType.Primitive.INT, "int")),
              List.of())) {
        @Override
        public void encode(Tso tso, WireWriter out) {
          out.writeInt(tso.mss());
        }

        @Override
        public Tso decode(WireReader in) throws ChunkStreamException {
          return new Tso(in.readInt());
        }
      };

  /** The NIC of version {@code version}: version 1 knows no TSO sub-chunk. */
  static ChunkCodec<Nic> nicCodec(int version) {
    List<SubChunkField> subChunks =
        version == 1 ? List.of() : List.of(new SubChunkField("tso", TSO, "t.Tso", false));
    return new Described<>(NIC, Nic.class, new TypeDescription(NIC, "t.Nic", NIC_FIELDS, subChunks)) {
      @Override
      public void encode(Nic nic, WireWriter out) {
        out.writeInt(nic.rdtr());
        if (nic.tso() != null) {
          if (version == 1) {
            throw new IllegalArgumentException("version 1 has no TSO");
          }
          out.writeChunk(TSO_CODEC, nic.tso());
        }
      }

      @Override
      public Nic decode(WireReader in) throws ChunkStreamException {
        int rdtr = in.readInt();
        Tso tso = null;
        while (in.hasRemaining()) {
          WireReader sub = in.nextSubChunk();
          if (version == 2 && sub.type().equals(TSO)) {
            tso = TSO_CODEC.decode(sub);
          } else {
            in.skipUnknown(sub);
          }
        }
        return new Nic(rdtr, tso);
      }
    };
  }

  static final ChunkCodec<Stats> STATS_CODEC =
      new Described<>(
          STATS,
          Stats.class,
          new TypeDescription(
              STATS, "t.Stats",
              List.of(FieldDescription.of("migrations", WireType.Primitive.LONG, "long")),
              List.of())) {
        @Override
        public void encode(Stats stats, WireWriter out) {
          out.writeLong(stats.migrations());
        }

        @Override
        public Stats decode(WireReader in) throws ChunkStreamException {
          return new Stats(in.readLong());
        }
      };

  /** The codecs of version {@code version}. */
  static ChunkRegistry registry(int version) {
    return version == 1
        ? ChunkRegistry.of(CPU_CODEC, nicCodec(1))
        : ChunkRegistry.of(CPU_CODEC, nicCodec(2), STATS_CODEC);
  }

  private abstract static class Described<T> implements ChunkCodec<T> {
    private final ChunkType type;
    private final Class<T> stateClass;
    private final TypeDescription description;

    Described(ChunkType type, Class<T> stateClass, TypeDescription description) {
      this.type = type;
      this.stateClass = stateClass;
      this.description = description;
    }

    @Override
    public ChunkType type() {
      return type;
    }

    @Override
    public Class<T> stateClass() {
      return stateClass;
    }

    @Override
    public Optional<TypeDescription> description() {
      return Optional.of(description);
    }
  }

  // ---- memory ----

  /** Guest memory on the heap, with a dirty log. */
  static class Memory implements GuestMemory {
    private final int pageSize;
    private final int pageCount;
    private final byte[] bytes;
    private final BitSet dirty = new BitSet();
    private boolean logging;
    volatile Runnable beforeCollect = () -> {};

    Memory(int pageSize, int pageCount) {
      this.pageSize = pageSize;
      this.pageCount = pageCount;
      this.bytes = new byte[pageSize * pageCount];
    }

    @Override
    public int pageSize() {
      return pageSize;
    }

    @Override
    public long pageCount() {
      return pageCount;
    }

    @Override
    public synchronized void startDirtyLog() {
      logging = true;
      dirty.clear();
    }

    @Override
    public synchronized void collectDirty(BitSet into) {
      beforeCollect.run();
      into.or(dirty);
      dirty.clear();
    }

    @Override
    public synchronized void stopDirtyLog() {
      logging = false;
      dirty.clear();
    }

    @Override
    public synchronized void readPage(long page, ByteBuffer dst) {
      dst.put(bytes, Math.toIntExact(page * pageSize), pageSize);
    }

    @Override
    public synchronized void writePage(long page, ByteBuffer src) {
      if (src.remaining() != pageSize) {
        throw new IllegalArgumentException(src.remaining() + " bytes for a page");
      }
      src.get(bytes, Math.toIntExact(page * pageSize), pageSize);
    }

    /** The guest writes {@code value} at {@code offset} of {@code page}. */
    synchronized void poke(int page, int offset, byte value) {
      bytes[page * pageSize + offset] = value;
      if (logging) {
        dirty.set(page);
      }
    }

    synchronized String digest() {
      return sha256(bytes);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The state of a machine that tests compare: its memory and its devices, as digests. */
  record State(String memory, String devices) {}

  // ---- the two sides ----

  /** A running machine of one version, with a workload that dirties memory and the CPU. */
  static final class Source implements SourceMachine {
    final Memory memory;
    final ChunkRegistry registry;
    private final int version;
    private final long seed;
    private volatile Cpu cpu = new Cpu(0x1000, 7);
    private volatile Nic nic;
    private Thread workload;
    private volatile boolean running;
    private int pauses;
    private int resumes;
    State atPause;
    State atResume;

    Source(int version, int pageSize, int pageCount, boolean feature, long seed) {
      this.version = version;
      this.registry = registry(version);
      this.memory = new Memory(pageSize, pageCount);
      this.seed = seed;
      this.nic = new Nic(42, feature ? new Tso(1460) : null);
      Random random = new Random(seed);
      // While it runs, the guest writes at least one page between two looks at the dirty log.
      memory.beforeCollect =
          () -> {
            if (running) {
              memory.poke(random.nextInt(pageCount), 0, (byte) random.nextInt());
            }
          };
      for (int page = 0; page < pageCount; page++) {
        memory.poke(page, random.nextInt(pageSize), (byte) random.nextInt());
      }
    }

    /** Starts the workload: it writes a page and steps the CPU every {@code micros}. */
    Source run(int micros) {
      running = true;
      workload =
          new Thread(
              () -> {
                Random random = new Random(seed ^ resumes);
                while (running) {
                  memory.poke(
                      random.nextInt((int) memory.pageCount()),
                      random.nextInt(memory.pageSize()),
                      (byte) random.nextInt());
                  Cpu now = cpu;
                  cpu = new Cpu(now.pc() + 4, now.acc() + 1);
                  if (micros > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(micros * 1000L);
                  }
                }
              },
              "test-workload");
      workload.setDaemon(true);
      workload.start();
      this.micros = micros;
      return this;
    }

    private int micros = -1;

    @Override
    public GuestMemory memory() {
      return memory;
    }

    @Override
    public List<?> deviceStates() {
      List<Object> states = new ArrayList<>(List.of(cpu, nic));
      if (version == 2) {
        states.add(new Stats(pauses));
      }
      return states;
    }

    @Override
    public void pause() {
      pauses++;
      stopWorkload();
      atPause = state();
    }

    @Override
    public void resume() {
      resumes++;
      atResume = state();
      if (micros >= 0) {
        run(micros);
      }
    }

    void stopWorkload() {
      running = false;
      if (workload != null) {
        try {
          workload.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
        workload = null;
      }
    }

    int pauses() {
      return pauses;
    }

    int resumes() {
      return resumes;
    }

    State state() {
      return new State(memory.digest(), devices(registry, deviceStatesWithoutStats()));
    }

    private List<?> deviceStatesWithoutStats() {
      return List.of(cpu, nic);
    }
  }

  /** A machine of one version that waits for a migration. */
  static final class Destination implements DestinationMachine {
    final Memory memory;
    final ChunkRegistry registry;
    private final boolean failRestore;
    private Cpu cpu;
    private Nic nic;
    volatile boolean started;
    private int starts;

    Destination(int version, int pageSize, int pageCount, boolean failRestore) {
      this.registry = registry(version);
      this.memory = new Memory(pageSize, pageCount);
      this.failRestore = failRestore;
    }

    @Override
    public GuestMemory memory() {
      return memory;
    }

    @Override
    public void restore(Snapshot devices) throws ChunkStreamException, RestoreException {
      Restore restore = Restore.of(registry).replacing(Cpu.class, c -> cpu = c);
      if (!failRestore) {
        restore = restore.replacing(Nic.class, n -> nic = n);
      }
      if (registry.codecFor(Stats.class).isPresent()) {
        restore = restore.replacing(Stats.class, s -> {}).optional(Stats.class);
      }
      restore.from(devices);
    }

    @Override
    public void start() {
      starts++;
      started = true;
    }

    int starts() {
      return starts;
    }

    State state() {
      return new State(memory.digest(), devices(registry, List.of(cpu, nic)));
    }
  }

  /** The digest of {@code states} as {@code registry}'s codecs write them. */
  static String devices(ChunkRegistry registry, List<?> states) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StateWriter writer = StateWriter.open(out, "test", registry);
      for (Object state : states) {
        if (state == null) {
          return "none";
        }
        writer.write(state);
      }
      writer.finish();
      return sha256(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

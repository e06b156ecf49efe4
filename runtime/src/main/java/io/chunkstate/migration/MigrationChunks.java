package io.chunkstate.migration;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.PreFlight;
import io.chunkstate.SkippedChunk;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The chunk types of a migration session's messages: public, critical types of the format,
 * defined by this runtime, besides {@link PreFlight}'s {@code OFFR} and {@code ANSW}. Their byte
 * layouts are in docs/MIGRATION.md. Integers are big-endian, strings and counts as in SPEC §4.
 */
public final class MigrationChunks {
  /** The memory geometry the source offers: page size, page count. */
  public static final ChunkType GEOMETRY = ChunkType.of("MGEO");

  /** The start of a round of the bulk transfer: its number and how many pages follow. */
  public static final ChunkType ROUND = ChunkType.of("MRND");

  /** Up to {@value #MAX_PAGES_PER_CHUNK} pages of guest memory with their indices. */
  public static final ChunkType PAGES = ChunkType.of("MPAG");

  /** The start of the switch-over: the source has paused; the last pages follow. */
  public static final ChunkType SWITCH_OVER = ChunkType.of("MSWO");

  /** The device state: a complete state stream of the machine's own chunk types. */
  public static final ChunkType DEVICES = ChunkType.of("MDEV");

  /** The destination holds all the state and can run: the chunks it skipped. */
  public static final ChunkType READY = ChunkType.of("MRDY");

  /** The destination failed: the kind, offset and path of its error, and its message. */
  public static final ChunkType FAILED = ChunkType.of("MFAI");

  /** The source tells the destination to run. */
  public static final ChunkType COMMIT = ChunkType.of("MCMT");

  /** The destination runs. */
  public static final ChunkType ACK = ChunkType.of("MACK");

  /** The most pages one {@code MPAG} chunk carries. */
  public static final int MAX_PAGES_PER_CHUNK = 64;

  /** The largest page size a session accepts: 1 MiB. */
  public static final int MAX_PAGE_SIZE = 1 << 20;

  private MigrationChunks() {}

  /** The codecs of a session's messages, {@code OFFR} and {@code ANSW} included. */
  public static Collection<ChunkCodec<?>> codecs() {
    List<ChunkCodec<?>> all = new ArrayList<>(PreFlight.codecs());
    all.addAll(
        List.of(
            GEOMETRY_CODEC,
            ROUND_CODEC,
            PAGES_CODEC,
            SWITCH_OVER_CODEC,
            DEVICES_CODEC,
            READY_CODEC,
            FAILED_CODEC,
            COMMIT_CODEC,
            ACK_CODEC));
    return List.copyOf(all);
  }

  /**
   * The length of the data of a chunk of {@code type}, for the types whose data has one length
   * ({@code MGEO}, {@code MRND}, {@code MSWO}: 12 bytes; {@code MCMT}, {@code MACK}: none); -1
   * for the others.
   */
  static int fixedLength(ChunkType type) {
    if (type.equals(GEOMETRY) || type.equals(ROUND) || type.equals(SWITCH_OVER)) {
      return 12;
    }
    return type.equals(COMMIT) || type.equals(ACK) ? 0 : -1;
  }

  /** {@code MGEO}: what the source's guest memory is. */
  record Geometry(int pageSize, long pageCount) {}

  /** {@code MRND}: round {@code number} of the bulk transfer carries {@code pages} pages. */
  record Round(int number, long pages) {}

  /** {@code MSWO}: the switch-over, after {@code rounds} rounds, carries {@code pages} pages. */
  record SwitchOver(int rounds, long pages) {}

  /** {@code MDEV}: the bytes of a complete state stream of the machine's device states. */
  record Devices(byte[] stream) {}

  /** {@code MRDY}: the destination can run; it skipped these ancillary chunks. */
  record Ready(List<SkippedChunk> skipped) {
    Ready {
      skipped = List.copyOf(skipped);
    }
  }

  /** {@code MFAI}: the destination's error; {@code offset} is -1 where no byte is at fault. */
  record Failed(String kind, long offset, String path, String message) {}

  /** {@code MCMT}: run. */
  record Commit() {}

  /** {@code MACK}: running. */
  record Ack() {}

  /**
   * {@code MPAG} as the source writes it: {@code count} pages of {@code memory}, read straight
   * into the chunk's data; as a reader decodes it, the indices and the bytes of the pages.
   */
  static final class PageBatch {
    final GuestMemory memory;
    final long[] pages;
    int count;
    byte[] data;

    PageBatch(GuestMemory memory) {
      this.memory = memory;
      this.pages = new long[MAX_PAGES_PER_CHUNK];
    }

    private PageBatch(long[] pages, byte[] data) {
      this.memory = null;
      this.pages = pages;
      this.count = pages.length;
      this.data = data;
    }
  }

  static final ChunkCodec<Geometry> GEOMETRY_CODEC =
      new Codec<>(GEOMETRY, Geometry.class) {
        @Override
        public void encode(Geometry g, WireWriter out) {
          out.writeInt(g.pageSize());
          out.writeLong(g.pageCount());
        }

        @Override
        public Geometry decode(WireReader in) throws ChunkStreamException {
          return new Geometry(in.readInt(), in.readLong());
        }
      };

  static final ChunkCodec<Round> ROUND_CODEC =
      new Codec<>(ROUND, Round.class) {
        @Override
        public void encode(Round r, WireWriter out) {
          out.writeInt(r.number());
          out.writeLong(r.pages());
        }

        @Override
        public Round decode(WireReader in) throws ChunkStreamException {
          return new Round(in.readInt(), in.readLong());
        }
      };

  static final ChunkCodec<SwitchOver> SWITCH_OVER_CODEC =
      new Codec<>(SWITCH_OVER, SwitchOver.class) {
        @Override
        public void encode(SwitchOver s, WireWriter out) {
          out.writeInt(s.rounds());
          out.writeLong(s.pages());
        }

        @Override
        public SwitchOver decode(WireReader in) throws ChunkStreamException {
          return new SwitchOver(in.readInt(), in.readLong());
        }
      };

  static final ChunkCodec<PageBatch> PAGES_CODEC =
      new Codec<>(PAGES, PageBatch.class) {
        @Override
        public void encode(PageBatch batch, WireWriter out) {
          int pageSize = batch.memory.pageSize();
          int at = out.reserve(4 + 8 * batch.count);
          out.setInt(at, batch.count);
          for (int i = 0; i < batch.count; i++) {
            out.setLong(at + 4 + 8 * i, batch.pages[i]);
          }
          for (int i = 0; i < batch.count; i++) {
            int into = out.reserve(pageSize);
            batch.memory.readPage(batch.pages[i], ByteBuffer.wrap(out.buffer(), into, pageSize));
          }
        }

        @Override
        public PageBatch decode(WireReader in) throws ChunkStreamException {
          int count = in.readInt();
          if (count < 1 || count > MAX_PAGES_PER_CHUNK) {
            throw in.dataError(
                "a page chunk carries 1 to " + MAX_PAGES_PER_CHUNK + " pages, not " + count);
          }
          if ((long) count * 8 > in.remaining()) {
            throw in.dataError("the data ends inside the " + count + " page indices");
          }
          long[] pages = new long[count];
          for (int i = 0; i < count; i++) {
            pages[i] = in.readLong();
          }
          if (in.remaining() % count != 0) {
            throw in.dataError(
                in.remaining() + " bytes of pages do not divide into " + count + " pages");
          }
          return new PageBatch(pages, in.readRemainingBytes());
        }
      };

  static final ChunkCodec<Devices> DEVICES_CODEC =
      new Codec<>(DEVICES, Devices.class) {
        @Override
        public void encode(Devices d, WireWriter out) {
          out.writeRaw(d.stream(), 0, d.stream().length);
        }

        @Override
        public Devices decode(WireReader in) throws ChunkStreamException {
          return new Devices(in.readRemainingBytes());
        }
      };

  static final ChunkCodec<Ready> READY_CODEC =
      new Codec<>(READY, Ready.class) {
        @Override
        public void encode(Ready r, WireWriter out) {
          out.writeCount(r.skipped().size());
          for (SkippedChunk s : r.skipped()) {
            out.writeInt(s.type().value());
            out.writeLong(s.offset());
            out.writeInt(s.length());
            out.writeString(s.path());
          }
        }

        @Override
        public Ready decode(WireReader in) throws ChunkStreamException {
          int count = in.readCount(4 + 8 + 4 + 4);
          List<SkippedChunk> skipped = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            int type = in.readInt();
            long offset = in.readLong();
            int length = in.readInt();
            String path = in.readString();
            if (!ChunkType.isValid(type) || path == null || offset < 0 || length < 0) {
              throw in.dataError("skipped chunk " + i + " of the ready answer is not valid");
            }
            skipped.add(new SkippedChunk(ChunkType.of(type), offset, length, path));
          }
          return new Ready(skipped);
        }
      };

  static final ChunkCodec<Failed> FAILED_CODEC =
      new Codec<>(FAILED, Failed.class) {
        @Override
        public void encode(Failed f, WireWriter out) {
          out.writeString(f.kind());
          out.writeLong(f.offset());
          out.writeString(f.path());
          out.writeString(f.message());
        }

        @Override
        public Failed decode(WireReader in) throws ChunkStreamException {
          String kind = in.readString();
          long offset = in.readLong();
          String path = in.readString();
          String message = in.readString();
          if (kind == null || path == null || message == null || offset < -1) {
            throw in.dataError("a failure names its kind, offset, path and message");
          }
          return new Failed(kind, offset, path, message);
        }
      };

  static final ChunkCodec<Commit> COMMIT_CODEC =
      new Codec<>(COMMIT, Commit.class) {
        @Override
        public void encode(Commit c, WireWriter out) {}

        @Override
        public Commit decode(WireReader in) {
          return new Commit();
        }
      };

  static final ChunkCodec<Ack> ACK_CODEC =
      new Codec<>(ACK, Ack.class) {
        @Override
        public void encode(Ack a, WireWriter out) {}

        @Override
        public Ack decode(WireReader in) {
          return new Ack();
        }
      };

  /** A hand-written codec of one session chunk type. */
  private abstract static class Codec<T> implements ChunkCodec<T> {
    private final ChunkType type;
    private final Class<T> stateClass;

    Codec(ChunkType type, Class<T> stateClass) {
      this.type = type;
      this.stateClass = stateClass;
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
    public String toString() {
      return "MigrationChunks[" + type.code() + "]";
    }
  }
}

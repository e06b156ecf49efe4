package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

/** Small hand-written codecs for runtime tests, in the shape the processor generates. */
final class TestCodecs {
  private TestCodecs() {}

  /** Every kind of inline value that can be invalid: a boolean, a string, an enum, a count. */
  record Flags(boolean on, String name, Color color, int[] values) {}

  enum Color {
    RED,
    GREEN
  }

  /** A recursive chunk type: each node holds its child as a sub-chunk. */
  record Node(int depth, Node child) {}

  static final ChunkType FLAGS = ChunkType.of("FlAg");
  static final ChunkType NODE = ChunkType.of("NoDe");

  /**
   * The data of a {@code NoDe} chunk for {@code Node(1, Node(2, null))} with an unknown ancillary
   * sub-chunk, {@code qqQq} of one byte, before its child: a reader skips it.
   */
  static void nodeWithUnknownSubChunk(WireWriter w) {
    w.writeInt(1);
    int m = w.beginChunk(ChunkType.of("qqQq"));
    w.writeByte((byte) 7);
    w.endChunk(m);
    w.writeChunk(new NodeCodec(), new Node(2, null));
  }

  public static final class FlagsCodec implements ChunkCodec<Flags> {
    private static final Color[] COLORS = Color.values();

    @Override
    public ChunkType type() {
      return FLAGS;
    }

    @Override
    public Class<Flags> stateClass() {
      return Flags.class;
    }

    @Override
    public void encode(Flags v, WireWriter out) {
      out.writeBoolean(v.on());
      out.writeString(v.name());
      out.writeEnum(v.color());
      out.writeInts(v.values());
    }

    @Override
    public Flags decode(WireReader in) throws ChunkStreamException {
      boolean on = in.readBoolean();
      String name = in.readString();
      Color color = in.readEnum(COLORS);
      int[] values = in.readInts();
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Flags(on, name, color, values);
    }
  }

  public static class NodeCodec implements ChunkCodec<Node> {
    @Override
    public ChunkType type() {
      return NODE;
    }

    @Override
    public Class<Node> stateClass() {
      return Node.class;
    }

    @Override
    public void encode(Node v, WireWriter out) {
      out.writeInt(v.depth());
      if (v.child() != null) {
        out.writeChunk(this, v.child());
      }
    }

    @Override
    public Node decode(WireReader in) throws ChunkStreamException {
      int depth = in.readInt();
      Node child = null;
      while (in.hasRemaining()) {
        WireReader sub = in.nextSubChunk();
        if (sub.typeValue() == NODE.value()) {
          if (child != null) {
            throw in.duplicateSubChunk(sub);
          }
          child = decode(sub);
        } else {
          in.skipUnknown(sub);
        }
      }
      return new Node(depth, child);
    }
  }

  /** A broken codec that stops reading before the end of its chunk. */
  public static final class LazyCodec implements ChunkCodec<Node> {
    @Override
    public ChunkType type() {
      return ChunkType.of("LaZy");
    }

    @Override
    public Class<Node> stateClass() {
      return Node.class;
    }

    @Override
    public void encode(Node v, WireWriter out) {
      out.writeInt(v.depth());
      out.writeInt(v.depth());
    }

    @Override
    public Node decode(WireReader in) throws ChunkStreamException {
      return new Node(in.readInt(), null);
    }
  }

  /**
   * A broken codec that reads its {@code NoDe} chunk to the end and gives null for it (and for
   * each node inside it).
   */
  public static final class NullCodec extends NodeCodec {
    @Override
    public Node decode(WireReader in) throws ChunkStreamException {
      super.decode(in);
      return null;
    }
  }

  /** A mutable state that may hold another: a chain, or a cycle. */
  static final class Link {
    int value;
    Link next;

    Link(int value, Link next) {
      this.value = value;
      this.next = next;
    }
  }

  public static final class LinkCodec implements ChunkCodec<Link> {
    @Override
    public ChunkType type() {
      return ChunkType.of("LiNk");
    }

    @Override
    public Class<Link> stateClass() {
      return Link.class;
    }

    @Override
    public void encode(Link v, WireWriter out) {
      out.writeInt(v.value);
      if (v.next != null) {
        out.writeChunk(this, v.next);
      }
    }

    @Override
    public Link decode(WireReader in) throws ChunkStreamException {
      int value = in.readInt();
      Link next = null;
      while (in.hasRemaining()) {
        next = decode(in.nextSubChunk());
      }
      return new Link(value, next);
    }
  }

  static ChunkRegistry registry() {
    return ChunkRegistry.of(new FlagsCodec(), new NodeCodec());
  }
}

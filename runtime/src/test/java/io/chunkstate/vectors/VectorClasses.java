package io.chunkstate.vectors;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.WireReader;
import io.chunkstate.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of the spec vectors (shared/spec/vectors/README.md) with codecs written by hand in
 * the shape the processor generates.
 */
public final class VectorClasses {
  private VectorClasses() {}

  public record Scalars(
      boolean flag, byte b, short s, char c, int i, long l, float f, double d) {}

  public enum Mode {
    OFF,
    ON
  }

  public record References(
      String name,
      String missing,
      byte[] blob,
      int[] ints,
      List<String> tags,
      Integer boxed,
      Integer none,
      Mode mode) {}

  public record Point(int x, int y) {}

  public record Child(int value) {}

  public record Leaf(int value) {}

  public record Parent(int id, Point origin, Child child, List<Leaf> more) {}

  public static ChunkRegistry registry() {
    return ChunkRegistry.of(
        new ScalarsCodec(), new ReferencesCodec(), new ChildCodec(), new LeafCodec(),
        new ParentCodec());
  }

  static final class ScalarsCodec implements ChunkCodec<Scalars> {
    static final ChunkType TYPE = ChunkType.of("VeCt");

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Scalars> stateClass() {
      return Scalars.class;
    }

    @Override
    public void encode(Scalars v, WireWriter out) {
      out.writeBoolean(v.flag());
      out.writeByte(v.b());
      out.writeShort(v.s());
      out.writeChar(v.c());
      out.writeInt(v.i());
      out.writeLong(v.l());
      out.writeFloat(v.f());
      out.writeDouble(v.d());
    }

    @Override
    public Scalars decode(WireReader in) throws ChunkStreamException {
      boolean flag = in.readBoolean();
      byte b = in.readByte();
      short s = in.readShort();
      char c = in.readChar();
      int i = in.readInt();
      long l = in.readLong();
      float f = in.readFloat();
      double d = in.readDouble();
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Scalars(flag, b, s, c, i, l, f, d);
    }
  }

  static final class ReferencesCodec implements ChunkCodec<References> {
    static final ChunkType TYPE = ChunkType.of("ReFs");

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<References> stateClass() {
      return References.class;
    }

    @Override
    public void encode(References v, WireWriter out) {
      out.writeString(v.name());
      out.writeString(v.missing());
      out.writeBytes(v.blob());
      out.writeInts(v.ints());
      List<String> tags = v.tags();
      if (tags == null) {
        out.writeCount(-1);
      } else {
        out.writeCount(tags.size());
        for (String tag : tags) {
          out.writeString(tag);
        }
      }
      if (out.writePresence(v.boxed())) {
        out.writeInt(v.boxed());
      }
      if (out.writePresence(v.none())) {
        out.writeInt(v.none());
      }
      out.writeEnum(v.mode());
    }

    @Override
    public References decode(WireReader in) throws ChunkStreamException {
      String name = in.readString();
      String missing = in.readString();
      byte[] blob = in.readBytes();
      int[] ints = in.readInts();
      List<String> tags = null;
      int count = in.readCount(4);
      if (count >= 0) {
        tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          tags.add(in.readString());
        }
      }
      Integer boxed = in.readPresence() ? in.readInt() : null;
      Integer none = in.readPresence() ? in.readInt() : null;
      String modeName = in.readString();
      Mode mode;
      if (modeName == null) {
        mode = null;
      } else {
        switch (modeName) {
          case "OFF":
            mode = Mode.OFF;
            break;
          case "ON":
            mode = Mode.ON;
            break;
          default:
            throw in.unknownEnumConstant("Mode", modeName);
        }
      }
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new References(name, missing, blob, ints, tags, boxed, none, mode);
    }
  }

  static final class ChildCodec implements ChunkCodec<Child> {
    static final ChunkType TYPE = ChunkType.of("chLd");

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Child> stateClass() {
      return Child.class;
    }

    @Override
    public void encode(Child v, WireWriter out) {
      out.writeInt(v.value());
    }

    @Override
    public Child decode(WireReader in) throws ChunkStreamException {
      int value = in.readInt();
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Child(value);
    }
  }

  static final class LeafCodec implements ChunkCodec<Leaf> {
    static final ChunkType TYPE = ChunkType.of("leAf");

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Leaf> stateClass() {
      return Leaf.class;
    }

    @Override
    public void encode(Leaf v, WireWriter out) {
      out.writeInt(v.value());
    }

    @Override
    public Leaf decode(WireReader in) throws ChunkStreamException {
      int value = in.readInt();
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Leaf(value);
    }
  }

  static final class ParentCodec implements ChunkCodec<Parent> {
    static final ChunkType TYPE = ChunkType.of("PaRt");
    private static final ChildCodec CHILD = new ChildCodec();
    private static final LeafCodec LEAF = new LeafCodec();

    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Parent> stateClass() {
      return Parent.class;
    }

    @Override
    public void encode(Parent v, WireWriter out) {
      out.writeInt(v.id());
      Point origin = v.origin();
      if (out.writePresence(origin)) {
        out.writeInt(origin.x());
        out.writeInt(origin.y());
      }
      if (v.child() != null) {
        out.writeChunk(CHILD, v.child());
      }
      if (v.more() != null) {
        for (Leaf leaf : v.more()) {
          out.writeChunk(LEAF, leaf);
        }
      }
    }

    @Override
    public Parent decode(WireReader in) throws ChunkStreamException {
      int id = in.readInt();
      Point origin = in.readPresence() ? new Point(in.readInt(), in.readInt()) : null;
      Child child = null;
      List<Leaf> more = new ArrayList<>();
      while (in.hasRemaining()) {
        WireReader sub = in.nextSubChunk();
        if (sub.typeValue() == ChildCodec.TYPE.value()) {
          if (child != null) {
            throw in.duplicateSubChunk(sub);
          }
          child = CHILD.decode(sub);
        } else if (sub.typeValue() == LeafCodec.TYPE.value()) {
          more.add(LEAF.decode(sub));
        } else {
          in.skipUnknown(sub);
        }
      }
      return new Parent(id, origin, child, more);
    }
  }
}

package io.chunkstate.testing;

import io.chunkstate.ChunkType;
import io.chunkstate.framing.Signature;
import io.chunkstate.wire.WireWriter;
import java.util.function.Consumer;

/** Builds streams chunk by chunk, well-formed or not, for tests. */
public final class StreamBuilder {
  private final WireWriter out = new WireWriter();

  /** Starts with the chunkstate signature. */
  public static StreamBuilder stream() {
    StreamBuilder b = new StreamBuilder();
    byte[] signature = Signature.CHUNKSTATE.bytes();
    b.out.writeRaw(signature, 0, signature.length);
    return b;
  }

  /** Starts with the signature and a CHDR for format 1.0 from producer "test". */
  public static StreamBuilder withHeader() {
    return stream().header(1, 0, "test");
  }

  public StreamBuilder header(int major, int minor, String producer) {
    return chunk("CHDR", w -> {
      w.writeShort((short) major);
      w.writeShort((short) minor);
      w.writeString(producer);
    });
  }

  /** A framed chunk with a correct length and CRC around what {@code data} writes. */
  public StreamBuilder chunk(String type, Consumer<WireWriter> data) {
    int mark = out.beginChunk(ChunkType.of(type));
    data.accept(out);
    out.endChunk(mark);
    return this;
  }

  /** A framed chunk with the given data bytes. */
  public StreamBuilder chunk(String type, byte... data) {
    return chunk(type, w -> w.writeRaw(data, 0, data.length));
  }

  public StreamBuilder end() {
    return chunk("CEND");
  }

  public StreamBuilder raw(byte... bytes) {
    out.writeRaw(bytes, 0, bytes.length);
    return this;
  }

  public StreamBuilder rawInt(int v) {
    out.writeInt(v);
    return this;
  }

  /** The offset the next chunk will start at. */
  public int position() {
    return out.size();
  }

  public byte[] bytes() {
    return out.toByteArray();
  }
}

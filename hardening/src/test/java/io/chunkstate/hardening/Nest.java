package io.chunkstate.hardening;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.WireReader;
import io.chunkstate.WireWriter;

/**
 * A chunk type that contains itself: {@code NeSt} holds a level and, optionally, another {@code
 * NeSt} as a sub-chunk. Its codec decodes recursively, so the depth of a stream of them is bounded
 * only by the reader's nesting limit.
 */
public record Nest(int level, Nest inner) {
  static final ChunkType TYPE = ChunkType.of("NeSt");

  /** A codec in the shape the processor generates for a recursive {@code @Chunk} type. */
  static final class Codec implements ChunkCodec<Nest> {
    @Override
    public ChunkType type() {
      return TYPE;
    }

    @Override
    public Class<Nest> stateClass() {
      return Nest.class;
    }

    @Override
    public void encode(Nest state, WireWriter out) {
      out.writeInt(state.level());
      if (state.inner() != null) {
        out.writeChunk(this, state.inner());
      }
    }

    @Override
    public Nest decode(WireReader in) throws ChunkStreamException {
      int level = in.readInt();
      Nest inner = null;
      while (in.hasRemaining()) {
        WireReader sub = in.nextSubChunk();
        if (sub.typeValue() == TYPE.value()) {
          if (inner != null) {
            throw in.duplicateSubChunk(sub);
          }
          inner = decode(sub);
        } else {
          in.skipUnknown(sub);
        }
      }
      return new Nest(level, inner);
    }
  }
}

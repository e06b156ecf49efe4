package io.chunkstate.migration;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.schema.Layouts;
import io.chunkstate.wire.WireWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The critical sub-chunk codes that a machine's device states carry now, for the pre-flight
 * offer: each state is encoded as it would be sent, and its sub-chunks are walked by the layouts
 * of the registry's descriptions.
 */
final class InUse {
  private final Layouts layouts;
  private final Set<ChunkType> found = new TreeSet<>();

  private InUse(ChunkRegistry registry) {
    this.layouts = Layouts.of(registry.descriptions());
  }

  /**
   * The critical sub-chunk codes of {@code states}, at any depth.
   *
   * @throws IllegalArgumentException if a state has no codec in {@code registry}, or cannot be
   *     encoded
   */
  static Set<ChunkType> of(ChunkRegistry registry, List<?> states) {
    InUse walk = new InUse(registry);
    WireWriter out = new WireWriter(4096);
    for (Object state : states) {
      out.reset();
      encode(registry, state, out);
      ChunkType type = ChunkType.of(ByteBuffer.wrap(out.buffer()).getInt(4));
      try {
        walk.chunk(RawChunk.wrap(type, 0, out.buffer(), 8, out.size() - 12), type.code(), 0);
      } catch (ChunkStreamException e) {
        throw new IllegalArgumentException(
            "the state of " + state.getClass().getName() + " does not walk as its description"
                + " says: " + e.getMessage(),
            e);
      }
    }
    return Set.copyOf(walk.found);
  }

  private static void encode(ChunkRegistry registry, Object state, WireWriter out) {
    @SuppressWarnings("unchecked") // the registry pairs each class with its own codec
    ChunkCodec<Object> codec =
        (ChunkCodec<Object>)
            registry
                .codecFor(state.getClass())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no codec is registered for the device state "
                                + state.getClass().getName()));
    out.writeChunk(codec, state);
  }

  private void chunk(RawChunk chunk, String path, int depth) throws ChunkStreamException {
    if (depth > 0 && chunk.type().isCritical()) {
      found.add(chunk.type());
    }
    if (!layouts.knows(chunk.type())) {
      return;
    }
    ByteBuffer data = chunk.dataBuffer();
    int at = layouts.inlineLength(chunk, path);
    while (at + 12 <= data.limit()) {
      int length = data.getInt(at);
      int typeValue = data.getInt(at + 4);
      if (length < 0 || length > data.limit() - at - 12 || !ChunkType.isValid(typeValue)) {
        return; // the writer's own bytes: a reader would refuse them, and the offer need not say
      }
      ChunkType sub = ChunkType.of(typeValue);
      byte[] copy = new byte[length];
      data.get(at + 8, copy);
      chunk(RawChunk.wrap(sub, 0, copy, 0, length), path + "/" + sub.code(), depth + 1);
      at += 12 + length;
    }
  }
}

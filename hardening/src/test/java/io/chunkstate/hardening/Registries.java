package io.chunkstate.hardening;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.vectors.VectorClasses;
import java.util.ArrayList;
import java.util.List;

/** The codecs the hardening tests read with. */
final class Registries {
  private Registries() {}

  /** The spec vector classes and the recursive {@link Nest}. */
  static ChunkRegistry all() {
    List<ChunkCodec<?>> codecs = new ArrayList<>(VectorClasses.registry().codecs());
    codecs.add(new Nest.Codec());
    return ChunkRegistry.of(codecs.toArray(new ChunkCodec<?>[0]));
  }
}

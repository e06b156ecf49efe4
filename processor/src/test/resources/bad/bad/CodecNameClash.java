package bad;

import io.chunkstate.annotation.Chunk;

/** A top-level Net_Card and a nested Net.Card: both codecs would be bad.Net_CardChunkCodec. */
@Chunk("NeCa")
record Net_Card(int value) {}

final class Net {
  @Chunk("NeCd")
  record Card(int value) {}
}

/**
 * chunkstate's runtime: the chunk format, the codec SPI, and the state reader and writer. It
 * exports its API and SPI and hides its core, as avaje-jsonb's runtime does: codecs generated into
 * an application's module need the wire package, tools the framing package, and nothing outside
 * the runtime needs {@code io.chunkstate.internal}.
 */
module io.chunkstate.runtime {
  exports io.chunkstate;
  exports io.chunkstate.framing;
  exports io.chunkstate.migration;
  exports io.chunkstate.schema;
  exports io.chunkstate.wire;

  uses io.chunkstate.ChunkCodec;
}

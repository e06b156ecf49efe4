module app {
  requires static io.chunkstate.annotations;
  requires io.chunkstate.runtime;

  provides io.chunkstate.ChunkCodec with app.UartStateChunkCodec;
}

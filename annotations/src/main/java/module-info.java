/**
 * chunkstate's annotations: {@code @Chunk}, {@code @ChunkStruct} and {@code @ChunkAuthority}. They
 * are kept in class files for the processor and tools, not at run time, so an application module
 * needs them only at compile time: {@code requires static io.chunkstate.annotations;}.
 */
module io.chunkstate.annotations {
  exports io.chunkstate.annotation;
}

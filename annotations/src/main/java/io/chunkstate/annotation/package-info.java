/**
 * The annotations that declare chunk types: {@link io.chunkstate.annotation.Chunk}, {@link
 * io.chunkstate.annotation.ChunkStruct} and {@link io.chunkstate.annotation.ChunkAuthority}.
 */
package io.chunkstate.annotation;

/**
 * What an application calls, and the SPI value types every package may use.
 *
 * <ul>
 *   <li>{@link io.chunkstate.StateWriter} writes a state stream; {@link io.chunkstate.StateReader}
 *       reads and checks a whole one into a {@link io.chunkstate.Snapshot}; {@link
 *       io.chunkstate.StateStream} reads one chunk at a time, for streams too large to hold. A
 *       read's limits are {@link io.chunkstate.ReadOptions}.
 *   <li>{@link io.chunkstate.ChunkCodec} encodes one chunk type; {@link
 *       io.chunkstate.ChunkRegistry} finds the codecs.
 *   <li>{@link io.chunkstate.ChunkType}, {@link io.chunkstate.SkippedChunk} and {@link
 *       io.chunkstate.ChunkStreamException}, the one exception bad input produces.
 * </ul>
 *
 * <p>Below this package: {@link io.chunkstate.wire} holds the reader and writer of field values
 * that generated codecs call, and {@link io.chunkstate.framing} the chunks below whole states.
 */
package io.chunkstate;

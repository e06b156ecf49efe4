/**
 * chunkstate's runtime: the chunk format, the codec SPI, and the state reader and writer.
 *
 * <ul>
 *   <li>{@link io.chunkstate.StateWriter} and {@link io.chunkstate.StateReader} write and read
 *       whole state streams; a {@link io.chunkstate.Snapshot} is what a read returns.
 *   <li>{@link io.chunkstate.ChunkCodec} encodes one chunk type; {@link
 *       io.chunkstate.ChunkRegistry} finds the codecs.
 *   <li>{@link io.chunkstate.ChunkInput} is the low-level framing reader, which also walks PNG;
 *       {@link io.chunkstate.WireReader} and {@link io.chunkstate.WireWriter} are the encoding
 *       primitives generated codecs use.
 *   <li>{@link io.chunkstate.ChunkStreamException} is the one exception bad input produces.
 * </ul>
 */
package io.chunkstate;

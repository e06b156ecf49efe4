/**
 * Chunks below whole states (SPEC §1–2): {@link io.chunkstate.framing.ChunkInput} reads framed
 * chunks and checks their CRCs, {@link io.chunkstate.framing.ChunkOutput} writes them, {@link
 * io.chunkstate.framing.RawChunk} is one chunk, and {@link io.chunkstate.framing.Signature} the
 * eight bytes a stream opens with. They know nothing of what chunks mean, so they walk a PNG file
 * as readily as a chunkstate stream. {@link io.chunkstate.framing.ChunkEditor} copies a stream
 * while it edits chunks at any depth ({@link io.chunkstate.framing.ChunkPath}), by the copy rules
 * of SPEC §2; what it knows of chunk types comes through its {@code Structure}.
 */
package io.chunkstate.framing;

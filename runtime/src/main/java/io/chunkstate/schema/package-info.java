/**
 * Descriptions of chunk types, without their classes: {@link io.chunkstate.schema.TypeDescription}
 * (code, inline fields with wire types and declarations, sub-chunk fields) and the layout
 * {@link io.chunkstate.schema.Fingerprint} of SPEC §8. The processor, the runtime, command-line
 * tools and compatibility rules share this one model; {@link io.chunkstate.schema.DescChunk} writes
 * and reads it as the data of the {@code dESc} chunk that embeds it in a stream.
 */
package io.chunkstate.schema;

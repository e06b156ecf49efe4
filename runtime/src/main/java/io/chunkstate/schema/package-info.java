/**
 * Descriptions of chunk types, without their classes: {@link io.chunkstate.schema.TypeDescription}
 * (code, inline fields with wire types and declarations, sub-chunk fields) and the layout
 * {@link io.chunkstate.schema.Fingerprint} of SPEC §8. The processor, the runtime, command-line
 * tools and compatibility rules share this one model.
 */
package io.chunkstate.schema;

/**
 * The reader and writer of field values that generated codecs call (SPEC §4): {@link
 * io.chunkstate.wire.WireReader} and {@link io.chunkstate.wire.WireWriter}, and nothing else.
 */
package io.chunkstate.wire;

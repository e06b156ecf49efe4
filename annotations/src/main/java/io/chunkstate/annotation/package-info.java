/**
 * The annotations that declare chunk types: {@link io.chunkstate.annotation.Chunk}, {@link
 * io.chunkstate.annotation.ChunkStruct} and {@link io.chunkstate.annotation.ChunkAuthority}; and
 * those that say how a {@code @Chunk} type is restored: {@link io.chunkstate.annotation.ChunkKey}
 * (the field that tells its instances apart), {@link io.chunkstate.annotation.PreSave} and {@link
 * io.chunkstate.annotation.PostLoad} (code it runs before encoding and after decoding), and {@link
 * io.chunkstate.annotation.WhenAbsent} (what a sub-chunk field becomes when its sub-chunk is
 * absent); {@link io.chunkstate.annotation.SubChunk}, the code of a struct field that travels as
 * a sub-chunk of its own; and those that declare what a field's values are, without changing a
 * byte: {@link io.chunkstate.annotation.Unsigned} (an integer field is unsigned) and {@link
 * io.chunkstate.annotation.FixedLength} (an array or string field has one length); {@link
 * io.chunkstate.annotation.WireValue}, the value an enum constant travels as; and {@link
 * io.chunkstate.annotation.ChunkBase}, a superclass that contributes its state to {@code @Chunk}
 * subclasses.
 */
package io.chunkstate.annotation;

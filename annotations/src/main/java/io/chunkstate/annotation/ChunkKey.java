package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the field whose value tells the instances of a {@link Chunk} type apart — a PCI address, a
 * port number — so that a restore matches each chunk of a stream to the live object with the same
 * key rather than by position.
 *
 * <p>The key is an inline field of a {@code @Chunk} type: a {@code String}, {@code byte}, {@code
 * short}, {@code char}, {@code int} or {@code long}, or a boxed one, which a restore compares with
 * {@code equals}. A type has at most one. The generated codec returns the field's value from
 * {@code ChunkCodec.key}, and the type's description names the field. The annotation processor
 * rejects at compile time a key of any other type, a second key, and a key on a field that is not
 * state of a {@code @Chunk} type (a {@link ChunkStruct}'s fields, a static or transient field).
 *
 * <pre>{@code
 * @Chunk("PcIs")
 * public record PciDevice(@ChunkKey String address, short vendorId, short deviceId) {}
 * }</pre>
 *
 * <p>On a record component the annotation applies to the component's field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ChunkKey {}

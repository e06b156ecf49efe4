package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link Chunk} type that runs after its state is decoded, as QEMU's {@code
 * post_load}: to rebuild derived fields, or to check invariants that span several fields.
 *
 * <p>The generated codec calls it on every instance it decodes, once every field is set and
 * every sub-chunk decoded (so a sub-chunk's own hook has run before its parent's). Whatever it
 * throws fails the read with a {@code DATA} error that names the class, the exception as its
 * cause: a restore then changes nothing. When a restore copies a decoded state into a live
 * instance ({@code ChunkCodec.apply}), the hook runs again on the live instance once its fields are
 * copied, so that the live instance's derived fields are rebuilt too; since {@code apply} must not
 * fail, a hook must accept on the live instance what it accepted on the decoded one.
 *
 * <p>It is an instance method of the {@code @Chunk} type itself, without parameters, returning
 * {@code void}, not {@code private}; a type has at most one. The annotation processor rejects any
 * other at compile time.
 *
 * <pre>{@code
 * @Chunk("IrQc")
 * public class InterruptController {
 *   int mask;
 *   int pending;
 *   transient int deliverable;
 *
 *   @PostLoad
 *   void rebuild() {
 *     if ((pending & ~0xff) != 0) throw new IllegalStateException("pending " + pending);
 *     deliverable = pending & ~mask;
 *   }
 * }
 * }</pre>
 *
 * @see PreSave
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PostLoad {}

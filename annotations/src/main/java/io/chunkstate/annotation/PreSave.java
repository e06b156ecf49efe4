package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link Chunk} type that runs before its state is encoded, as QEMU's {@code
 * pre_save}: to bring saved fields up to date from live ones, or to check what must hold before a
 * state leaves.
 *
 * <p>The generated codec calls it first thing in {@code encode}. Whatever it throws propagates to
 * the caller, and a writer then writes nothing of that state.
 *
 * <p>It is an instance method of the {@code @Chunk} type itself, without parameters, returning
 * {@code void}, not {@code private}; a type has at most one. The annotation processor rejects any
 * other at compile time.
 *
 * <pre>{@code
 * @Chunk("TiMr")
 * public class Timer {
 *   long remainingNanos;
 *   transient long deadline;
 *
 *   @PreSave
 *   void saveRemaining() {
 *     remainingNanos = Math.max(0, deadline - System.nanoTime());
 *   }
 * }
 * }</pre>
 *
 * @see PostLoad
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PreSave {}

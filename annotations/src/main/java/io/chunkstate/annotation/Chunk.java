package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record or class as a chunk type: its state travels as one chunk whose type code is
 * {@link #value()}.
 *
 * <p>The code is four ASCII letters. The case of each letter is a property of the type, fixed
 * forever (SPEC §2):
 *
 * <ol>
 *   <li>uppercase first letter: <b>critical</b>, a reader that does not know the type refuses the
 *       stream; lowercase: <b>ancillary</b>, such a reader skips the chunk and reports it;
 *   <li>uppercase second letter: <b>public</b>, defined by the registry authority and allowed
 *       only in a package annotated {@link ChunkAuthority}; lowercase: <b>private</b>, defined by
 *       anyone;
 *   <li>the third letter must be uppercase: a lowercase one sets the reserved bit;
 *   <li>uppercase fourth letter: <b>unsafe to copy</b>, an editor that changes critical chunks
 *       drops it when it does not understand it; lowercase: <b>safe to copy</b>.
 * </ol>
 *
 * <p>The chunk's data is the inline fields in declaration order (record components in order; for a
 * class, its non-static, non-transient fields), followed by one sub-chunk for each non-null field
 * whose type is itself a {@code @Chunk} type and for each element of a {@code List} of such a
 * type. The annotation processor rejects at compile time (SPEC §6): a code that is not four
 * letters, has the reserved bit set, is reserved by the format ({@code CHDR}, {@code CEND},
 * {@code dESc}), is public outside a {@code @ChunkAuthority} package, or is used by two classes;
 * fields whose type has no encoding; fields or constructors the generated code cannot reach; two
 * sub-chunk fields with the same code; and {@code @Chunk} on anything but a top-level or static
 * nested record or class.
 *
 * <pre>{@code
 * @Chunk("UaRs")
 * public record UartState(int divisor, byte lineControl, byte[] fifo) {}
 * }</pre>
 *
 * <p>The inline layout of a published type never changes: new state goes into a new sub-chunk
 * type, ancillary if a destination may safely ignore it, critical otherwise.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Chunk {
  /** The four-letter type code, for example {@code "PcIs"}. */
  String value();
}

package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the length of an array or string field: every value the field holds has exactly {@link
 * #value()} elements (for a {@code String}, bytes of UTF-8), or is null. No byte of the encoding
 * changes (SPEC §4): the count is still written, and must equal the declared length.
 *
 * <ul>
 *   <li>The generated codec's {@code encode} refuses a value of another length with an {@link
 *       IllegalArgumentException} that names the field and both lengths ({@code StateWriter}
 *       then writes nothing of that state).
 *   <li>Its {@code decode} refuses a count other than the declared length with a {@code DATA}
 *       error that names the field (a count larger than the chunk's data could hold is a {@code
 *       LENGTH} error first, as for any count).
 * </ul>
 *
 * <p>The declaration is part of the field's description ({@code fixedLength} in the registry file
 * and the {@code dESc} chunk, and the layout fingerprint), so changing it is a change of the
 * layout.
 *
 * <p>It fits a field whose type is an array (of any inline type; the length is that of the
 * outermost array) or {@code String}. The annotation processor rejects it at compile time on any
 * other field, and a negative length.
 *
 * <pre>{@code
 * @Chunk("PcIe")
 * public record PciDevice(int bus, @FixedLength(256) byte[] configSpace) {}
 * }</pre>
 *
 * <p>On a record component the annotation applies to the component's field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface FixedLength {
  /** The number of elements (bytes of UTF-8 for a {@code String}) of every non-null value. */
  int value();
}

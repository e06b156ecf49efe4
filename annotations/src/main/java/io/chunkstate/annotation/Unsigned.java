package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an integer field unsigned: its bits are an unsigned number, as a PCI vendor id or a
 * register is. No byte of the encoding changes (SPEC §4): Java has no unsigned types, and the field
 * travels as its signed type does. The declaration is part of the field's description ({@code
 * unsigned} in the registry file and the {@code dESc} chunk, and the layout fingerprint), so tools
 * print its values unsigned ({@code 0xFFFF} is 65535, not -1), and changing it is a change of the
 * layout.
 *
 * <p>It fits a field of type {@code byte}, {@code short}, {@code int} or {@code long}, a boxed one,
 * or an array or {@code List} of those (each element is unsigned). The annotation processor rejects
 * it at compile time on any other field ({@code char} is unsigned already).
 *
 * <pre>{@code
 * @Chunk("PcIe")
 * public record PciDevice(@Unsigned short vendorId, @Unsigned short deviceId) {}
 * }</pre>
 *
 * <p>On a record component the annotation applies to the component's field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Unsigned {}

package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the value an enum constant travels as. An enum whose constants declare values is
 * encoded by value rather than by name (SPEC §4): a presence byte ({@code 00} null, {@code 01}
 * present), then the constant's value as a 4-byte {@code int}. A constant can then be renamed
 * without breaking a stream, as QEMU's enums stored as integers allow; a value the reader's enum
 * lacks is a {@code DATA} error naming the field and the value.
 *
 * <p>Either every constant of an enum declares a value or none does, and no two constants declare
 * the same one; the annotation processor checks both at compile time, and refuses the annotation
 * on anything but an enum constant.
 *
 * <pre>{@code
 * public enum LinkSpeed {
 *   @WireValue(0) DOWN,
 *   @WireValue(1) MBIT_10,
 *   @WireValue(2) MBIT_100,
 *   @WireValue(3) GBIT
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WireValue {
  /** The constant's value on the wire, unique within its enum. */
  int value();
}

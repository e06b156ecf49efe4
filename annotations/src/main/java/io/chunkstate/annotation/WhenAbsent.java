package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says what a sub-chunk field becomes when a stream carries no sub-chunk for it — a stream from a
 * producer that predates the field, or one that left it out — instead of {@code null}: the value
 * a static method returns.
 *
 * <p>{@link #value()} names the method: a {@code static} method without parameters that returns
 * the field's type, declared by the {@link Chunk} type that holds the field or, if that has no
 * method of the name, by the field's own type; not {@code private}, and {@code public} if it is in
 * another package than the {@code @Chunk} type. The generated codec calls it after the last
 * sub-chunk is read, when none came for the field; whatever it throws fails the read with a
 * {@code DATA} error that names the {@code @Chunk} type.
 *
 * <p>Only a field that holds one sub-chunk (its type a {@code @Chunk} type, not a {@code List} of
 * them) may have one. The annotation processor rejects at compile time the annotation on any other
 * field, and a method that does not exist or does not fit.
 *
 * <pre>{@code
 * @Chunk("RnGd")
 * public record RngDevice(boolean ready, @WhenAbsent("reseed") RngSeed seed) {
 *   static RngSeed reseed() {
 *     return new RngSeed(new SecureRandom().generateSeed(32));
 *   }
 * }
 * }</pre>
 *
 * <p>On a record component the annotation applies to the component's field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WhenAbsent {
  /** The name of the static method that gives the field's value when its sub-chunk is absent. */
  String value();
}

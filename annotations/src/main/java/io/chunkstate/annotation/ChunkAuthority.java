package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package, in its {@code package-info.java}, as belonging to the registry authority: its
 * {@link Chunk} types may use <b>public</b> codes (second letter uppercase, SPEC §2).
 *
 * <p>Everywhere else a public code is a compile-time error (SPEC §6 rule 4), and the fix is the
 * private spelling, with the second letter in lowercase: {@code PCIs} becomes {@code PcIs}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface ChunkAuthority {}

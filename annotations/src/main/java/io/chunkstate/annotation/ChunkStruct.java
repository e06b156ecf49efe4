package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record or class as a value embedded inline in the chunk that holds it: a presence
 * byte, then its own fields in declaration order (SPEC §4).
 *
 * <p>A struct has no type code and no sub-chunks: a field of a {@link Chunk} type inside a struct
 * is a compile-time error, and so is a struct that contains itself inline, directly or through
 * other structs (SPEC §6 rules 9 and 11).
 *
 * <pre>{@code
 * @ChunkStruct
 * public record Point(int x, int y) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ChunkStruct {}

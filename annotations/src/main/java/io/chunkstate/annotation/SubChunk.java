package io.chunkstate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the sub-chunk code of a field whose type is a {@link ChunkStruct}: the struct then
 * travels not inline but as a sub-chunk of that code after the inline fields, whose data is the
 * struct's inline fields (no presence byte); null writes no sub-chunk and reads back null (or
 * through {@link WhenAbsent}). SPEC §4: such a code is not registered; it must be unique only
 * among the sub-chunk codes of its parent, and the same code may mean different things under
 * different parents. So one struct type can fill two roles, each an optional sub-chunk of its own:
 *
 * <pre>{@code
 * @ChunkStruct
 * public record Fifo(byte[] data, int head, int count) {}
 *
 * @Chunk("SfIf")
 * public record SerialFifos(int ier, @SubChunk("rxFf") Fifo rx, @SubChunk("txFf") Fifo tx) {}
 * }</pre>
 *
 * <p>The code is four ASCII letters whose case bits follow SPEC §2 as a class's code does: a
 * lowercase first letter makes the sub-chunk ancillary (a reader without the field skips it), an
 * uppercase one critical (such a reader fails the stream); the third letter must be uppercase; a
 * public code (second letter uppercase) needs a {@link ChunkAuthority} package; {@code CHDR},
 * {@code CEND} and {@code dESc} are the format's. The annotation processor checks each at compile
 * time, and that no other sub-chunk field of the same type has the code.
 *
 * <p>On a record component the annotation applies to the component's field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SubChunk {
  /** The four-letter sub-chunk code, unique among the sub-chunk codes of the field's type. */
  String value();
}

package io.chunkstate.schema;

import io.chunkstate.ChunkType;
import java.util.Objects;

/**
 * A field of a chunk type that travels as sub-chunks after the inline fields: one sub-chunk when
 * not null, or one per element of a list or array. Sub-chunk fields never enter the layout
 * fingerprint (SPEC §8): adding one is how a type gains state without breaking its layout (SPEC
 * §9).
 *
 * <p>The code of a sub-chunk is either that of a {@code @Chunk} class, registered and described
 * by that class's own description, or one that a {@code @ChunkStruct}-typed field declares
 * ({@code @SubChunk}): then the sub-chunk's data is the struct's inline fields, described here by
 * {@link #struct()}, and the code means that struct under this parent only (SPEC §4).
 *
 * @param name the field's name
 * @param type the sub-chunks' type code
 * @param className the binary name of the class each sub-chunk holds
 * @param list whether the field holds any number of sub-chunks (a list or array; the bytes are
 *     the same) or one
 * @param struct for a field that declares its code, the struct whose inline fields are the
 *     sub-chunk's data (its class is {@code className}); null for the sub-chunks of a {@code
 *     @Chunk} class
 */
public record SubChunkField(
    String name, ChunkType type, String className, boolean list, WireType.Struct struct) {
  public SubChunkField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(className, "className");
    if (struct != null && (list || !struct.className().equals(className))) {
      throw new IllegalArgumentException(
          "a declared sub-chunk holds one struct of class " + className + ": " + struct);
    }
  }

  /** The sub-chunks of a {@code @Chunk} class: one, or a list or array of them. */
  public SubChunkField(String name, ChunkType type, String className, boolean list) {
    this(name, type, className, list, null);
  }

  /** A struct field that declares its own sub-chunk code: one sub-chunk, its data the struct's. */
  public static SubChunkField declared(String name, ChunkType type, WireType.Struct struct) {
    return new SubChunkField(name, type, struct.className(), false, struct);
  }

  /** Whether the field declares its code, and each sub-chunk's data is {@link #struct()}'s. */
  public boolean declared() {
    return struct != null;
  }
}

package io.chunkstate.schema;

import io.chunkstate.ChunkType;
import java.util.Objects;

/**
 * A field of a chunk type that travels as sub-chunks after the inline fields: one sub-chunk when
 * not null, or one per element of a list. Sub-chunk fields never enter the layout fingerprint
 * (SPEC §8): adding one is how a type gains state without breaking its layout (SPEC §9).
 *
 * @param name the field's name
 * @param type the sub-chunks' type code
 * @param className the binary name of the class each sub-chunk holds
 * @param list whether the field holds any number of sub-chunks (a list or array) or one
 */
public record SubChunkField(String name, ChunkType type, String className, boolean list) {
  public SubChunkField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(className, "className");
  }
}

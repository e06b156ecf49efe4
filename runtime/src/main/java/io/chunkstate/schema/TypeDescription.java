package io.chunkstate.schema;

import io.chunkstate.ChunkType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chunk type is, without its class: its code and property bits, its inline fields in
 * order with their wire types and declarations, its sub-chunk fields, and its layout fingerprint
 * (SPEC §8). The processor builds one for every {@code @Chunk} class, each generated codec returns
 * it, the registry file and the embedded {@code dESc} chunk carry it, and compatibility rules
 * compare two of them. Immutable.
 *
 * @param type the chunk type code
 * @param className the binary name of the state class
 * @param fields the inline fields, in the order they travel
 * @param subChunks the sub-chunk fields, in field order
 * @param key the name of the inline field that tells instances of the type apart, or {@code null}
 *     for a type without one
 */
public record TypeDescription(
    ChunkType type,
    String className,
    List<FieldDescription> fields,
    List<SubChunkField> subChunks,
    String key) {
  public TypeDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(className, "className");
    fields = List.copyOf(fields);
    subChunks = List.copyOf(subChunks);
    if (key != null && fields.stream().noneMatch(f -> f.name().equals(key))) {
      throw new IllegalArgumentException("the key " + key + " is not an inline field");
    }
  }

  /** A description of a type without a key. */
  public TypeDescription(
      ChunkType type,
      String className,
      List<FieldDescription> fields,
      List<SubChunkField> subChunks) {
    this(type, className, fields, subChunks, null);
  }

  /** The layout fingerprint of the inline fields (SPEC §8). */
  public Fingerprint fingerprint() {
    return Fingerprint.of(fields);
  }

  /** The inline field named {@code name}, if there is one. */
  public Optional<FieldDescription> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The sub-chunk field whose sub-chunks have type {@code code}, if there is one. */
  public Optional<SubChunkField> subChunk(ChunkType code) {
    return subChunks.stream().filter(s -> s.type().equals(code)).findFirst();
  }
}

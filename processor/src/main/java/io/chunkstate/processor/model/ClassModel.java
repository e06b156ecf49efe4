package io.chunkstate.processor.model;

import java.util.List;

/**
 * A record or class whose state a codec reads and writes: a {@code @Chunk} type, or a {@code
 * @ChunkStruct} type embedded in one.
 *
 * @param name the class
 * @param construction how a decoded instance is made
 * @param fields the state fields in declaration order
 */
public record ClassModel(JavaName name, Construction construction, List<FieldModel> fields) {
  public ClassModel {
    fields = List.copyOf(fields);
  }

  /** How generated code makes an instance from decoded values. */
  public enum Construction {
    /** Through the canonical constructor, with every component at once. */
    RECORD,
    /** Through the no-argument constructor, then each field set on its own. */
    MUTABLE_CLASS
  }

  /** The fields that travel inline, in order. */
  public List<FieldModel> inlineFields() {
    return fields.stream().filter(f -> !f.isSubChunk()).toList();
  }

  /** The fields that travel as sub-chunks, in order. */
  public List<FieldModel> subChunkFields() {
    return fields.stream().filter(FieldModel::isSubChunk).toList();
  }

}

package io.chunkstate.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Chunk} type: what the processor generates a codec for.
 *
 * @param code the four-letter type code
 * @param type the state class and its fields
 * @param restore how the type is restored: its key and its hooks
 * @param base the nearest {@code @ChunkBase} superclass, whose helper the codec calls for the
 *     inline fields of every base; null for a type without one
 */
public record ChunkModel(String code, ClassModel type, Restore restore, BaseModel base) {

  /** A type without a key or hooks. */
  public ChunkModel(String code, ClassModel type) {
    this(code, type, Restore.NONE);
  }

  /** A type without bases. */
  public ChunkModel(String code, ClassModel type, Restore restore) {
    this(code, type, restore, null);
  }

  /**
   * The fields the codec reaches itself: all but the inline fields of its bases, which their
   * helpers write, read and copy. The bases' sub-chunks stay, first among the sub-chunks.
   */
  public ClassModel codecType() {
    if (base == null) {
      return type;
    }
    List<FieldModel> inherited = base.inlineFields();
    List<FieldModel> own = new ArrayList<>();
    for (FieldModel field : type.fields()) {
      if (!inherited.contains(field)) {
        own.add(field);
      }
    }
    return new ClassModel(type.name(), type.construction(), own);
  }

  /** The generated codec's name. */
  public JavaName codecName() {
    return type.name().codecName();
  }

  /** The key field, or null for a type without one. */
  public FieldModel keyField() {
    for (FieldModel field : type.fields()) {
      if (field.name().equals(restore.key())) {
        return field;
      }
    }
    return null;
  }

  /**
   * How a {@code @Chunk} type is restored, beyond its fields.
   *
   * @param key the name of the inline field that tells instances apart ({@code @ChunkKey}), or
   *     null
   * @param preSave the method {@code encode} calls first ({@code @PreSave}), or null
   * @param postLoad the method called on each decoded instance ({@code @PostLoad}), or null
   */
  public record Restore(String key, String preSave, String postLoad) {
    /** No key, no hooks. */
    public static final Restore NONE = new Restore(null, null, null);
  }
}

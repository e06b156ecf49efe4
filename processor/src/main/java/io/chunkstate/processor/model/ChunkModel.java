package io.chunkstate.processor.model;

/**
 * A {@code @Chunk} type: what the processor generates a codec for.
 *
 * @param code the four-letter type code
 * @param type the state class and its fields
 * @param restore how the type is restored: its key and its hooks
 */
public record ChunkModel(String code, ClassModel type, Restore restore) {

  /** A type without a key or hooks. */
  public ChunkModel(String code, ClassModel type) {
    this(code, type, Restore.NONE);
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

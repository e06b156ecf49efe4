package io.chunkstate.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @ChunkBase} class as its helper sees it: the inline fields it declares, and the base
 * above it, whose helper its own calls first.
 *
 * @param type the base class and the inline fields it declares, in order (its sub-chunk fields
 *     travel after every inline field, and the codec of each subclass handles them)
 * @param typeParameters how many type parameters the class declares: the helper takes an instance
 *     of any parameterization
 * @param key the name of the {@code @ChunkKey} field among the base's own, or null
 * @param upper the base above, or null
 */
public record BaseModel(ClassModel type, int typeParameters, String key, BaseModel upper) {

  /** The helper's name: {@code p.FooChunkBase} for {@code p.Foo}. */
  public JavaName helperName() {
    return type.name().baseHelperName();
  }

  /** The inline fields of this base and every base above it, topmost first. */
  public List<FieldModel> inlineFields() {
    List<FieldModel> fields = new ArrayList<>();
    if (upper != null) {
      fields.addAll(upper.inlineFields());
    }
    fields.addAll(type.fields());
    return fields;
  }

  /** Whether this base or one above it holds a final array, filled in place. */
  public boolean hasInPlace() {
    return inlineFields().stream().anyMatch(FieldModel::inPlace);
  }

  /** The base, this one or one above it, that declares {@code field}; null for none. */
  public BaseModel declarer(FieldModel field) {
    if (type.fields().contains(field)) {
      return this;
    }
    return upper == null ? null : upper.declarer(field);
  }
}

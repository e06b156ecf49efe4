package io.chunkstate.processor.validation;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The annotations of chunkstate, found by name: the processor does not load their classes. */
public final class Annotations {
  /** {@code @Chunk}. */
  public static final String CHUNK = "io.chunkstate.annotation.Chunk";

  /** {@code @ChunkStruct}. */
  public static final String CHUNK_STRUCT = "io.chunkstate.annotation.ChunkStruct";

  /** {@code @ChunkAuthority}. */
  public static final String CHUNK_AUTHORITY = "io.chunkstate.annotation.ChunkAuthority";

  /** {@code @ChunkKey}: the field that tells a chunk type's instances apart. */
  public static final String CHUNK_KEY = "io.chunkstate.annotation.ChunkKey";

  /** {@code @PreSave}: the method {@code encode} calls first. */
  public static final String PRE_SAVE = "io.chunkstate.annotation.PreSave";

  /** {@code @PostLoad}: the method called on each decoded instance. */
  public static final String POST_LOAD = "io.chunkstate.annotation.PostLoad";

  /** {@code @WhenAbsent}: what a sub-chunk field becomes when its sub-chunk is absent. */
  public static final String WHEN_ABSENT = "io.chunkstate.annotation.WhenAbsent";

  /** {@code @Unsigned}: an integer field whose values are unsigned. */
  public static final String UNSIGNED = "io.chunkstate.annotation.Unsigned";

  /** {@code @FixedLength}: an array or string field whose values have one length. */
  public static final String FIXED_LENGTH = "io.chunkstate.annotation.FixedLength";

  /** {@code @WireValue}: the value an enum constant travels as. */
  public static final String WIRE_VALUE = "io.chunkstate.annotation.WireValue";

  /** {@code @ChunkBase}: a superclass that contributes its state to {@code @Chunk} subclasses. */
  public static final String CHUNK_BASE = "io.chunkstate.annotation.ChunkBase";

  /** {@code @SubChunk}: the sub-chunk code a struct field declares. */
  public static final String SUB_CHUNK = "io.chunkstate.annotation.SubChunk";

  /** The annotations on members of a {@code @Chunk} type that say how it is restored. */
  public static final List<String> RESTORE = List.of(CHUNK_KEY, PRE_SAVE, POST_LOAD, WHEN_ABSENT);

  /**
   * The annotations on a state field that say how it travels, which mean nothing on a field that
   * is not state (static or transient).
   */
  public static final List<String> DECLARATIONS = List.of(SUB_CHUNK, UNSIGNED, FIXED_LENGTH);

  private Annotations() {}

  /** The simple name of an annotation named {@code annotation}: {@code ChunkKey}. */
  static String simpleName(String annotation) {
    return annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /** Whether {@code element} carries the annotation named {@code annotation}. */
  public static boolean has(Element element, String annotation) {
    return find(element, annotation) != null;
  }

  /** The annotation named {@code annotation} on {@code element}, or null. */
  static AnnotationMirror find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  /** The {@code value} of {@code annotation}, which must have one. */
  static AnnotationValue value(AnnotationMirror annotation) {
    for (var entry : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException("an annotation without a value: " + annotation);
  }
}

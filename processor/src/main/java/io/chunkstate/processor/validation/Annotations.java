package io.chunkstate.processor.validation;

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

  private Annotations() {}

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
    throw new IllegalStateException("@Chunk without a value: " + annotation);
  }
}

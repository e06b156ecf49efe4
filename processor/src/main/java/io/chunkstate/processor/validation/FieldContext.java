package io.chunkstate.processor.validation;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The field being checked, for messages.
 *
 * @param element the field, where its problems are reported
 * @param name its name
 * @param type its declared type
 * @param owner the type that declares it
 * @param inStruct whether the owner is a {@code @ChunkStruct}
 */
record FieldContext(
    Element element, String name, TypeMirror type, TypeElement owner, boolean inStruct) {

  FieldContext(Element element, TypeElement owner, boolean inStruct) {
    this(element, element.getSimpleName().toString(), element.asType(), owner, inStruct);
  }
}

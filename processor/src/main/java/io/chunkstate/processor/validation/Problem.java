package io.chunkstate.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One broken rule, ready to print: the message, its text, and where it is — an element, and for a
 * bad type code the annotation and its value, so that the code itself is underlined. A problem of
 * the compilation as a whole (an option) or of a type that is gone from it has no element.
 */
public record Problem(
    Message message,
    String text,
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value) {

  /** A problem of the compilation as a whole, on no element: a bad option, say. */
  public static Problem of(Message message, Object... args) {
    return new Problem(message, message.format(args), null, null, null);
  }

  static Problem on(Element element, Message message, Object... args) {
    return new Problem(message, message.format(args), element, null, null);
  }

  static Problem onValue(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Message message,
      Object... args) {
    return new Problem(message, message.format(args), element, annotation, value);
  }
}

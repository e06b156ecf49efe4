package io.chunkstate.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One broken rule, ready to print: the message, its text, and where it is — an element, and for a
 * bad type code the annotation and its value, so that the code itself is underlined.
 */
public record Problem(
    Message message,
    String text,
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value) {

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

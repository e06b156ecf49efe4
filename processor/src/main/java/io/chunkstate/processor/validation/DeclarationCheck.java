package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.WireType;
import javax.lang.model.element.AnnotationMirror;

/**
 * Rules 24 to 26 (docs/PROCESSOR.md): the declarations that change no byte of a field's encoding
 * but describe its values — {@code @Unsigned} on a field that holds integers, {@code @FixedLength}
 * on an array or string field.
 */
final class DeclarationCheck {
  private final Findings findings;

  DeclarationCheck(Findings findings) {
    this.findings = findings;
  }

  /**
   * Rule 24: whether the field is declared {@code @Unsigned}; reports the declaration on a field
   * of {@code wire} that holds no integers.
   *
   * @return whether the field is unsigned, or null after a problem
   */
  Boolean unsigned(FieldContext field, WireType wire) {
    if (!Annotations.has(field.element(), Annotations.UNSIGNED)) {
      return false;
    }
    if (!holdsIntegers(wire)) {
      findings.report(
          Problem.on(field.element(), Message.UNSIGNED_TYPE, field.name(), field.type()));
      return null;
    }
    return true;
  }

  /**
   * Rules 25 and 26: the length a field declares with {@code @FixedLength}, -1 for none; reports
   * the declaration on a field of {@code wire} that is neither an array nor a string, and a
   * negative length.
   *
   * @return the declared length, -1 for none, or null after a problem
   */
  Integer fixedLength(FieldContext field, WireType wire) {
    AnnotationMirror annotation = Annotations.find(field.element(), Annotations.FIXED_LENGTH);
    if (annotation == null) {
      return -1;
    }
    Object value = null;
    for (var entry : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        value = entry.getValue().getValue();
      }
    }
    if (!(value instanceof Integer)) {
      findings.defer(); // a value javac could not give, and reports itself
      return null;
    }
    int length = (Integer) value;
    boolean hasLength =
        wire instanceof WireType.Text
            || wire instanceof WireType.PrimitiveArray
            || wire instanceof WireType.ArrayOf;
    if (!hasLength) {
      findings.report(
          Problem.on(
              field.element(), Message.FIXED_LENGTH_TYPE, field.name(), length, field.type()));
      return null;
    }
    if (length < 0) {
      findings.report(
          Problem.on(field.element(), Message.FIXED_LENGTH_NEGATIVE, field.name(), length));
      return null;
    }
    return length;
  }

  /** Whether the values of {@code wire} are byte, short, int or long, boxed, or in arrays. */
  private static boolean holdsIntegers(WireType wire) {
    if (wire instanceof WireType.Primitive primitive) {
      return isInteger(primitive);
    }
    if (wire instanceof WireType.Boxed boxed) {
      return isInteger(boxed.primitive());
    }
    if (wire instanceof WireType.PrimitiveArray array) {
      return isInteger(array.element());
    }
    if (wire instanceof WireType.ArrayOf array) {
      return holdsIntegers(array.element());
    }
    if (wire instanceof WireType.ListOf list) {
      return holdsIntegers(list.element());
    }
    return false;
  }

  private static boolean isInteger(WireType.Primitive primitive) {
    switch (primitive) {
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return true;
      default:
        return false;
    }
  }
}

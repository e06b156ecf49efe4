package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.WireType;

/**
 * Rules 24 and up (docs/PROCESSOR.md): the declarations that change no byte of a field's encoding
 * but describe its values — {@code @Unsigned} on a field that holds integers.
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

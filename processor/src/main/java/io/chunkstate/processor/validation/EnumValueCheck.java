package io.chunkstate.processor.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Rules 33 to 35 (docs/PROCESSOR.md): an enum travels by value when its constants declare {@code
 * @WireValue}, every one of them, each a value of its own; the annotation belongs on enum
 * constants only.
 */
final class EnumValueCheck {
  private final Findings findings;

  EnumValueCheck(Findings findings) {
    this.findings = findings;
  }

  /**
   * The value each constant of {@code type} declares, in declaration order: empty for an enum
   * that travels by name; null after a problem (rules 33 and 34), reported on the enum or the
   * constant at fault.
   */
  List<Integer> values(TypeElement type) {
    List<Element> constants = new ArrayList<>();
    List<Element> without = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    Map<Integer, Element> owners = new HashMap<>();
    boolean ok = true;
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      constants.add(member);
      AnnotationMirror annotation = Annotations.find(member, Annotations.WIRE_VALUE);
      if (annotation == null) {
        without.add(member);
        continue;
      }
      Object value = Annotations.value(annotation).getValue();
      if (!(value instanceof Integer)) {
        findings.defer(); // a value javac could not give, and reports itself
        return null;
      }
      Element first = owners.putIfAbsent((Integer) value, member);
      if (first != null) {
        findings.report(
            Problem.on(
                member,
                Message.WIRE_VALUE_DUPLICATE,
                first.getSimpleName(),
                member.getSimpleName(),
                type.getQualifiedName(),
                value,
                member.getSimpleName()));
        ok = false;
      }
      values.add((Integer) value);
    }
    if (values.isEmpty()) {
      return List.of();
    }
    if (!without.isEmpty()) {
      findings.report(
          Problem.on(
              type,
              Message.WIRE_VALUE_PARTIAL,
              type.getQualifiedName(),
              names(constants, without, false),
              names(constants, without, true)));
      return null;
    }
    return ok ? values : null;
  }

  /**
   * Rule 35 for an element that carries {@code @WireValue}: reports it unless it is an enum
   * constant, whose enum is then checked whether a field uses it or not.
   */
  void annotated(Element element) {
    if (element.getKind() != ElementKind.ENUM_CONSTANT) {
      findings.report(
          Problem.on(
              element,
              Message.WIRE_VALUE_TARGET,
              Names.describe(element.getKind()) + " '" + element.getSimpleName() + "' of "
                  + element.getEnclosingElement()));
      return;
    }
    values((TypeElement) element.getEnclosingElement());
  }

  /** The names of the constants in {@code without} (or not in it), joined with commas. */
  private static String names(List<Element> constants, List<Element> without, boolean in) {
    List<String> names = new ArrayList<>();
    for (Element constant : constants) {
      if (without.contains(constant) == in) {
        names.add(constant.getSimpleName().toString());
      }
    }
    return String.join(", ", names);
  }
}

package io.chunkstate.processor.validation;

import static io.chunkstate.processor.validation.Names.name;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Rule 8, what an annotation may be on, and the visibility of types: a codec lives in its chunk's
 * package, and must be able to name the chunk and every type it embeds from there (rule 7).
 */
final class TargetCheck {
  private final Names names;
  private final Findings findings;

  TargetCheck(Names names, Findings findings) {
    this.names = names;
    this.findings = findings;
  }

  /** Rule 8: a type annotated both {@code @Chunk} and {@code @ChunkStruct}. */
  boolean notBothChunkAndStruct(TypeElement chunk) {
    if (Annotations.has(chunk, Annotations.CHUNK_STRUCT)) {
      findings.report(Problem.on(chunk, Message.CHUNK_AND_STRUCT, name(chunk)));
      return false;
    }
    return true;
  }

  /**
   * Rule 8: {@code @annotation} on a top-level or static nested record or class, without type
   * parameters.
   */
  boolean isTarget(TypeElement type, String annotation) {
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      findings.report(
          Problem.on(type, Message.TARGET, annotation, Names.describe(kind), name(type)));
      return false;
    }
    Element enclosing = type.getEnclosingElement();
    if (enclosing.getKind() != ElementKind.PACKAGE) {
      if (!(enclosing instanceof TypeElement)) {
        findings.report(Problem.on(type, Message.TARGET, annotation, "local class", name(type)));
        return false;
      }
      if (!type.getModifiers().contains(Modifier.STATIC)) {
        findings.report(Problem.on(type, Message.INNER_CLASS, name(type)));
        return false;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      findings.report(Problem.on(type, Message.GENERIC_TYPE, name(type)));
      return false;
    }
    return true;
  }

  /** Rule 36: {@code @ChunkBase} belongs on a class; reports it on anything else. */
  void isBase(Element type) {
    if (type.getKind() != ElementKind.CLASS) {
      findings.report(
          Problem.on(
              type,
              Message.BASE_TARGET,
              Names.describe(type.getKind()),
              ((TypeElement) type).getQualifiedName()));
    }
  }

  /** Whether the codec of an annotated type, in its package, can name it; reports if not. */
  boolean visibleToItsCodec(TypeElement type) {
    String invisible = invisibility(type, type);
    if (invisible != null) {
      findings.report(
          Problem.on(
              type,
              Message.INACCESSIBLE_TYPE,
              name(type),
              invisible,
              names.packageOf(type),
              "package-private"));
      return false;
    }
    return true;
  }

  /** Whether the codec of {@code field.owner} can name {@code type}; reports if not. */
  boolean visible(TypeElement type, FieldContext field) {
    String invisible = invisibility(type, field.owner());
    if (invisible == null) {
      return true;
    }
    String from = names.packageOf(field.owner());
    String fix = names.packageOf(type).equals(from) ? "package-private or public" : "public";
    findings.report(
        Problem.on(
            field.element(), Message.INACCESSIBLE_TYPE, name(type), invisible, from, fix));
    return false;
  }

  /**
   * Why code in the package of {@code from} cannot name {@code type}, or null if it can: "private",
   * or "package-private in another package".
   */
  private String invisibility(TypeElement type, TypeElement from) {
    boolean samePackage = names.packageOf(type).equals(names.packageOf(from));
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return e == type ? "private" : "inside private " + name((TypeElement) e);
      }
      if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
        return "not public, and in another package";
      }
    }
    return null;
  }
}

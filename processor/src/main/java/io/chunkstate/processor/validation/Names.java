package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.JavaName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The names of declarations, as the model holds them and as messages print them. */
final class Names {
  private final Elements elements;

  Names(Elements elements) {
    this.elements = elements;
  }

  String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  JavaName javaName(TypeElement type) {
    List<String> simpleNames = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      simpleNames.add(0, e.getSimpleName().toString());
    }
    return new JavaName(packageOf(type), simpleNames);
  }

  /** The type named {@code name}, looked up in this round. */
  TypeElement typeElement(JavaName name) {
    return elements.getTypeElement(name.qualifiedName());
  }

  /** The qualified name, as messages print it. */
  static String name(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  /** A kind of element as messages print it: {@code annotation type}, {@code enum}. */
  static String describe(ElementKind kind) {
    return switch (kind) {
      case ANNOTATION_TYPE -> "annotation type";
      case ENUM -> "enum";
      case INTERFACE -> "interface";
      default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}

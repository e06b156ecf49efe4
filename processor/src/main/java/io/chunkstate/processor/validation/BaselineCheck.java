package io.chunkstate.processor.validation;

import io.chunkstate.ChunkType;
import io.chunkstate.schema.Compatibility;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.TypeDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The compile-time gate (rule 23, docs/COMPATIBILITY.md): this compilation's chunk types, as a
 * reader, against the baseline's (the registry of the last release), as the sender, by the
 * compatibility rules of the runtime's schema package. A breaking finding is an error, a note a
 * warning, each on the element at fault: the field, else the type's code.
 *
 * <p>Only what this compilation can answer for is judged: a baseline type whose class or code is
 * one of this compilation's chunk types, or whose class is gone (no such class is visible, or it
 * is no longer a {@code @Chunk}). A baseline type whose class is still a {@code @Chunk} that this
 * compilation does not compile (another module's, or one left out of an incremental build, or one
 * with problems of its own) is left alone.
 */
public final class BaselineCheck {
  private final Elements elements;

  /** A check that looks classes up with {@code elements}. */
  public BaselineCheck(Elements elements) {
    this.elements = elements;
  }

  /**
   * The problems of {@code current} against {@code baseline}.
   *
   * @param baseline the descriptions of the last release
   * @param current this compilation's chunk types: each description by its class's canonical name
   * @param notes whether to report notes as warnings, or leave them out
   */
  public List<Problem> check(
      List<TypeDescription> baseline, Map<String, TypeDescription> current, boolean notes) {
    Map<ChunkType, String> currentByCode = new LinkedHashMap<>();
    Map<String, String> currentByClass = new LinkedHashMap<>();
    for (Map.Entry<String, TypeDescription> type : current.entrySet()) {
      currentByCode.put(type.getValue().type(), type.getKey());
      currentByClass.put(type.getValue().className(), type.getKey());
    }
    Map<ChunkType, TypeDescription> judged = new LinkedHashMap<>();
    for (TypeDescription sent : baseline) {
      if (currentByCode.containsKey(sent.type())
          || currentByClass.containsKey(sent.className())
          || isGone(sent.className())) {
        judged.put(sent.type(), sent);
      }
    }
    List<Problem> problems = new ArrayList<>();
    for (Finding finding : Compatibility.compare(judged.values(), current.values())) {
      if (!finding.isBreaking() && !notes) {
        continue;
      }
      String name = currentByCode.get(finding.type());
      if (name == null) {
        // type-moved: the finding names the baseline's code, the class has another now.
        name = currentByClass.get(judged.get(finding.type()).className());
      }
      problems.add(problem(finding, name == null ? null : elements.getTypeElement(name)));
    }
    return problems;
  }

  /** Whether no {@code @Chunk} class of that binary name is visible to this compilation. */
  private boolean isGone(String binaryName) {
    TypeElement type = elements.getTypeElement(binaryName.replace('$', '.'));
    return type == null || !Annotations.has(type, Annotations.CHUNK);
  }

  private static Problem problem(Finding finding, TypeElement type) {
    String subject =
        finding.field().isEmpty()
            ? "type " + finding.type().code()
            : "field '" + finding.field() + "' of " + finding.type().code();
    Object[] args =
        finding.isBreaking()
            ? new Object[] {subject, finding.rule(), finding.message(), finding.fix()}
            : new Object[] {subject, finding.rule(), finding.message()};
    Message message = finding.isBreaking() ? Message.COMPAT_BREAKING : Message.COMPAT_NOTE;
    if (type == null) {
      // The type is gone from the compilation: there is no element to put the message on.
      return Problem.on(null, message, args);
    }
    VariableElement field = field(type, finding.field());
    if (field != null) {
      return Problem.on(field, message, args);
    }
    AnnotationMirror chunk = Annotations.find(type, Annotations.CHUNK);
    return Problem.onValue(type, chunk, Annotations.value(chunk), message, args);
  }

  /** The field a finding's path starts with ({@code origin} of {@code origin.x}), or null. */
  private static VariableElement field(Element type, String path) {
    String name = path.split("[.\\[]", 2)[0];
    if (name.isEmpty()) {
      return null;
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field;
      }
    }
    return null;
  }
}

package io.chunkstate.processor.validation;

import static io.chunkstate.processor.validation.Names.name;

import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.FieldModel.StaticCall;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Rules 14 to 22 (docs/PROCESSOR.md): how a {@code @Chunk} type is restored — its key field, its
 * hooks, and the values of its sub-chunk fields when their sub-chunks are absent — and that these
 * annotations are where a codec uses them.
 */
final class RestoreCheck {
  private static final Set<WireType.Primitive> KEY_PRIMITIVES =
      Set.of(
          WireType.Primitive.BYTE,
          WireType.Primitive.SHORT,
          WireType.Primitive.CHAR,
          WireType.Primitive.INT,
          WireType.Primitive.LONG);

  private final Elements elements;
  private final Types types;
  private final Names names;
  private final Findings findings;

  RestoreCheck(Elements elements, Types types, Names names, Findings findings) {
    this.elements = elements;
    this.types = types;
    this.names = names;
    this.findings = findings;
  }

  /** What a check found: its value, null for none, and whether it found no problem. */
  record Result<T>(T value, boolean ok) {}

  /**
   * Rules 14 and 15: the key among the state fields of a {@code @Chunk} type, each with its wire
   * type (null where the field had a problem of its own, reported already).
   */
  Result<String> key(List<FieldContext> fields, List<WireType> wires) {
    FieldContext key = null;
    boolean ok = true;
    for (int i = 0; i < fields.size(); i++) {
      FieldContext field = fields.get(i);
      if (!Annotations.has(field.element(), Annotations.CHUNK_KEY)) {
        continue;
      }
      if (key != null) {
        findings.report(
            Problem.on(
                field.element(),
                Message.DUPLICATE_KEY,
                key.name(),
                field.name(),
                name(field.owner())));
        ok = false;
        continue;
      }
      key = field;
      WireType wire = wires.get(i);
      if (wire != null && !isKeyType(wire)) {
        findings.report(
            Problem.on(
                field.element(),
                Message.KEY_TYPE,
                field.name(),
                name(field.owner()),
                field.type()));
        ok = false;
      }
    }
    return new Result<>(ok && key != null ? key.name() : null, ok);
  }

  /** A String, or an integral primitive other than boolean, boxed or not. */
  private static boolean isKeyType(WireType wire) {
    if (wire instanceof WireType.Boxed boxed) {
      return KEY_PRIMITIVES.contains(boxed.primitive());
    }
    return wire == WireType.STRING || KEY_PRIMITIVES.contains(wire);
  }

  /** Rules 17 to 19: the hooks a {@code @Chunk} type declares, with the key found already. */
  Result<ChunkModel.Restore> hooks(TypeElement type, List<TypeElement> bases, String key) {
    boolean ok = true;
    String[] found = new String[2];
    List<String> kinds = List.of(Annotations.PRE_SAVE, Annotations.POST_LOAD);
    List<ExecutableElement> methods = new ArrayList<>();
    for (TypeElement base : bases) {
      methods.addAll(ElementFilter.methodsIn(base.getEnclosedElements()));
    }
    methods.addAll(ElementFilter.methodsIn(type.getEnclosedElements()));
    for (ExecutableElement method : methods) {
      for (int k = 0; k < kinds.size(); k++) {
        String kind = kinds.get(k);
        if (!Annotations.has(method, kind)) {
          continue;
        }
        if (!hook(type, method, Annotations.simpleName(kind))) {
          ok = false;
        } else if (method.getSimpleName().contentEquals(String.valueOf(found[k]))) {
          continue; // an override of a base's hook: the call reaches it
        } else if (found[k] != null) {
          findings.report(
              Problem.on(
                  method,
                  Message.DUPLICATE_HOOK,
                  found[k] + "()",
                  method.getSimpleName() + "()",
                  name(type),
                  Annotations.simpleName(kind)));
          ok = false;
        } else {
          found[k] = method.getSimpleName().toString();
        }
      }
    }
    return new Result<>(new ChunkModel.Restore(key, found[0], found[1]), ok);
  }

  /**
   * Rules 17 and 18 for one hook of {@code type}, declared by it or by one of its bases, which the
   * messages name.
   */
  private boolean hook(TypeElement type, ExecutableElement method, String kind) {
    TypeElement declarer = (TypeElement) method.getEnclosingElement();
    Set<Modifier> modifiers = method.getModifiers();
    String defect = null;
    if (modifiers.contains(Modifier.STATIC)) {
      defect = "is static";
    } else if (!method.getParameters().isEmpty()) {
      defect = "takes parameters";
    } else if (method.getReturnType().getKind() != TypeKind.VOID) {
      defect = "returns " + method.getReturnType();
    }
    if (defect != null) {
      findings.report(
          Problem.on(
              method,
              Message.HOOK_SIGNATURE,
              kind,
              method,
              name(declarer),
              defect,
              method.getSimpleName()));
      return false;
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      findings.report(
          Problem.on(
              method,
              Message.HOOK_VISIBILITY,
              kind,
              method,
              name(declarer),
              names.packageOf(type)));
      return false;
    }
    return true;
  }

  /**
   * Rules 20 to 22: the method that gives a field's value when its sub-chunk is absent, if the
   * field names one.
   */
  Result<StaticCall> whenAbsent(FieldContext field, WireType wire) {
    var annotation = Annotations.find(field.element(), Annotations.WHEN_ABSENT);
    if (annotation == null) {
      return new Result<>(null, true);
    }
    String method = (String) Annotations.value(annotation).getValue();
    SubChunkUse use = SubChunkUse.of(wire);
    if (use == null || wire instanceof WireType.SubChunkList) {
      String found =
          use == null
              ? "its type " + field.type() + " travels inline"
              : ((WireType.SubChunkList) wire).array()
                  ? "it holds an array of sub-chunks, which is empty when none came"
                  : "it holds a List of sub-chunks, which is empty when none came";
      findings.report(Problem.on(field.element(), Message.ABSENT_FIELD, field.name(), found));
      return new Result<>(null, false);
    }
    TypeElement chunk = names.typeElement(use.type());
    TypeElement owner = field.owner();
    List<ExecutableElement> candidates = methods(owner, method);
    if (candidates.isEmpty()) {
      owner = chunk;
      candidates = methods(chunk, method);
    }
    if (candidates.isEmpty()) {
      findings.report(
          Problem.on(
              field.element(),
              Message.ABSENT_MISSING,
              field.name(),
              method,
              name(field.owner()),
              name(chunk),
              method,
              field.type(),
              method,
              name(field.owner())));
      return new Result<>(null, false);
    }
    String defect = null;
    for (ExecutableElement candidate : candidates) {
      defect = defect(candidate, field);
      if (defect == null) {
        return new Result<>(new StaticCall(names.javaName(owner), method), true);
      }
    }
    String ownerName = owner.getSimpleName().toString();
    findings.report(
        Problem.on(
            field.element(),
            Message.ABSENT_METHOD,
            field.name(),
            method,
            name(owner),
            candidates.get(candidates.size() - 1),
            defect,
            ownerName,
            method,
            field.type(),
            names.packageOf(field.owner())));
    return new Result<>(null, false);
  }

  /** The methods named {@code name} that {@code type} declares or inherits. */
  private List<ExecutableElement> methods(TypeElement type, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getSimpleName().contentEquals(name)) {
        found.add(method);
      }
    }
    return found;
  }

  /** What keeps {@code method} from giving the field's value, or null if nothing does. */
  private String defect(ExecutableElement method, FieldContext field) {
    Set<Modifier> modifiers = method.getModifiers();
    TypeMirror returned = method.getReturnType();
    if (!modifiers.contains(Modifier.STATIC)) {
      return "is not static";
    }
    if (!method.getParameters().isEmpty()) {
      return "takes parameters";
    }
    if (returned.getKind() == TypeKind.VOID || !types.isAssignable(returned, field.type())) {
      return "returns " + returned;
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "is private";
    }
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    if (!modifiers.contains(Modifier.PUBLIC)
        && !names.packageOf(declaring).equals(names.packageOf(field.owner()))) {
      return "is not public, and " + name(declaring) + " is in another package";
    }
    return null;
  }

  /**
   * Rule 16: a key, hook or {@code @WhenAbsent} that no codec would use — on a member of a type
   * that is not a {@code @Chunk} type (a {@code @ChunkStruct} has no instances to tell apart and
   * no hooks), or on a field that is not state.
   *
   * @param annotation the annotation's qualified name
   */
  void misplaced(Element element, String annotation) {
    Element enclosing = element.getEnclosingElement();
    String what =
        (element.getKind() == ElementKind.METHOD ? "method " + element : "field '" + element + "'")
            + " of "
            + enclosing;
    String which;
    String fix;
    boolean chunk =
        enclosing instanceof TypeElement
            && (Annotations.has(enclosing, Annotations.CHUNK)
                || Annotations.has(enclosing, Annotations.CHUNK_BASE));
    if (!chunk) {
      which =
          Annotations.has(enclosing, Annotations.CHUNK_STRUCT)
              ? "belongs to a @ChunkStruct, inline data with no instances or hooks of its own"
              : "belongs to a type that is not a @Chunk type";
      fix = "move it to a @Chunk type";
    } else if (element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.STATIC)) {
      which = "is static, and so not state";
      fix = "remove it, or make the field an instance field";
    } else if (element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.TRANSIENT)) {
      which = "is transient, and so not state";
      fix = "remove it, or make the field state";
    } else {
      return; // checked with its type
    }
    findings.report(
        Problem.on(
            element,
            Message.MISPLACED_ANNOTATION,
            Annotations.simpleName(annotation),
            what,
            which,
            fix));
  }

  /**
   * Rule 16 for a declaration ({@code @SubChunk}, {@code @Unsigned}, {@code @FixedLength}): on a
   * static or transient field, which is not state, no codec would use it. On a state field it is
   * checked with its type.
   *
   * @param annotation the annotation's qualified name
   */
  void notState(Element element, String annotation) {
    if (element.getKind() != ElementKind.FIELD) {
      return;
    }
    Set<Modifier> modifiers = element.getModifiers();
    String which;
    String fix;
    if (modifiers.contains(Modifier.STATIC)) {
      which = "is static, and so not state";
      fix = "remove it, or make the field an instance field";
    } else if (modifiers.contains(Modifier.TRANSIENT)) {
      which = "is transient, and so not state";
      fix = "remove it, or make the field state";
    } else {
      return;
    }
    findings.report(
        Problem.on(
            element,
            Message.MISPLACED_ANNOTATION,
            Annotations.simpleName(annotation),
            "field '" + element + "' of " + element.getEnclosingElement(),
            which,
            fix));
  }
}

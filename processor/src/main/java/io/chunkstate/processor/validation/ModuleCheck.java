package io.chunkstate.processor.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.ProvidesDirective;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The module path (rules 41 and 42, docs/PROCESSOR.md): a named module that holds generated
 * codecs must read the runtime at run time and provide every one of its codecs to {@link
 * java.util.ServiceLoader}, which on the module path sees no {@code META-INF/services} file.
 *
 * <p>Run once, in the last round: before the codecs exist javac cannot resolve the {@code provides}
 * clause that names them, and asking a module for its directives in an earlier round makes javac
 * report that clause as broken.
 */
public final class ModuleCheck {
  /** The runtime's module, which every generated codec reads. */
  static final String RUNTIME = "io.chunkstate.runtime";

  /** The service every generated codec provides. */
  static final String SERVICE = "io.chunkstate.ChunkCodec";

  private final Names names;
  private final Types types;

  /** A check that names types with {@code elements} and reads supertypes with {@code types}. */
  public ModuleCheck(Elements elements, Types types) {
    this.names = new Names(elements);
    this.types = types;
  }

  /**
   * The problems of {@code module}'s declaration, for the codecs this compilation generated in it;
   * none for the unnamed module (the class path), whose codecs the services file registers.
   *
   * @param codecs each generated codec's qualified name, sorted, to its state type's qualified name
   */
  public List<Problem> check(ModuleElement module, SortedMap<String, String> codecs) {
    if (module.isUnnamed() || codecs.isEmpty()) {
      return List.of();
    }
    Problem requires = checkRequires(module);
    if (requires != null) {
      // Without the runtime javac cannot resolve the service either: its clause is not judged.
      return List.of(requires);
    }
    Problem provides = checkProvides(module, codecs);
    return provides == null ? List.of() : List.of(provides);
  }

  private static Problem checkRequires(ModuleElement module) {
    String name = module.getQualifiedName().toString();
    if (reads(module, RUNTIME)) {
      return null;
    }
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (isRuntime(requires.getDependency()) && requires.isStatic()) {
        return Problem.on(
            module,
            Message.MODULE_REQUIRES,
            name,
            "requires " + RUNTIME + " only statically",
            "at run time, where 'requires static' does not make the runtime present",
            "drop 'static'");
      }
    }
    return Problem.on(
        module,
        Message.MODULE_REQUIRES,
        name,
        "does not read " + RUNTIME,
        "at compile time and at run time",
        "add");
  }

  /**
   * Whether {@code module} reads {@code target} at run time: requires it, or requires a module
   * that requires it transitively, without {@code static}.
   */
  private static boolean reads(ModuleElement module, String target) {
    Deque<ModuleElement> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      if (!requires.isStatic()) {
        pending.add(requires.getDependency());
      }
    }
    while (!pending.isEmpty()) {
      ModuleElement next = pending.remove();
      String name = next.getQualifiedName().toString();
      if (name.equals(target)) {
        return true;
      }
      if (seen.add(name)) {
        for (RequiresDirective requires : ElementFilter.requiresIn(next.getDirectives())) {
          if (requires.isTransitive() && !requires.isStatic()) {
            pending.add(requires.getDependency());
          }
        }
      }
    }
    return false;
  }

  private static boolean isRuntime(ModuleElement module) {
    return module.getQualifiedName().contentEquals(RUNTIME);
  }

  private Problem checkProvides(ModuleElement module, SortedMap<String, String> codecs) {
    ProvidesDirective provides = null;
    for (ProvidesDirective directive : ElementFilter.providesIn(module.getDirectives())) {
      if (directive.getService().getQualifiedName().contentEquals(SERVICE)) {
        provides = directive;
      }
    }
    String name = module.getQualifiedName().toString();
    if (provides == null) {
      return Problem.on(
          module,
          Message.MODULE_PROVIDES,
          name,
          "has no 'provides " + SERVICE + "' clause, so ChunkRegistry.load() finds none of the "
              + codecs.size()
              + (codecs.size() == 1 ? " codec" : " codecs")
              + " this compilation generates for it",
          "add",
          clause(codecs.keySet()));
    }
    Set<String> clause = new TreeSet<>(codecs.keySet());
    Set<String> listed = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (TypeElement implementation : provides.getImplementations()) {
      String codec = implementation.getQualifiedName().toString();
      listed.add(codec);
      if (codecs.containsKey(codec)) {
        continue;
      }
      String refusal = refusal(implementation, codecs);
      if (refusal == null) {
        clause.add(codec); // written by hand, or generated by an earlier compilation
      } else {
        wrong.add("lists " + codec + ", " + refusal);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String codec : codecs.keySet()) {
      if (!listed.contains(codec)) {
        missing.add(codec);
      }
    }
    List<String> found = new ArrayList<>();
    if (!missing.isEmpty()) {
      found.add(
          "leaves "
              + String.join(", ", missing)
              + " out of its 'provides "
              + SERVICE
              + "' clause, so ChunkRegistry.load() does not find "
              + (missing.size() == 1 ? "it" : "them"));
    }
    found.addAll(wrong);
    if (found.isEmpty()) {
      return null;
    }
    return Problem.on(
        module,
        Message.MODULE_PROVIDES,
        name,
        String.join(", and ", found),
        "write the clause as",
        clause(clause));
  }

  /**
   * Why {@code implementation}, listed in the clause but not generated by this compilation, must
   * not be there; null when it may: a codec written by hand for a type that is no {@code @Chunk},
   * or the codec of a {@code @Chunk} type an earlier compilation compiled.
   */
  private String refusal(TypeElement implementation, Map<String, String> codecs) {
    TypeElement state = stateType(implementation);
    if (state == null) {
      return null;
    }
    String stateName = state.getQualifiedName().toString();
    for (Map.Entry<String, String> codec : codecs.entrySet()) {
      if (codec.getValue().equals(stateName)) {
        return "a second codec for "
            + stateName
            + ", whose codec is "
            + codec.getKey()
            + " (ChunkRegistry.load() refuses two codecs for one class)";
      }
    }
    if (!Annotations.has(state, Annotations.CHUNK)
        && implementation
            .getQualifiedName()
            .contentEquals(names.javaName(state).codecName().qualifiedName())) {
      return "the codec generated for "
          + stateName
          + " when it was a @Chunk type; it is no longer one, so this compilation does not"
          + " generate it";
    }
    return null;
  }

  /** The state type {@code T} of {@code implementation}'s {@code ChunkCodec<T>}, or null. */
  private TypeElement stateType(TypeElement implementation) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(implementation.asType()));
    while (!pending.isEmpty()) {
      TypeMirror type = pending.remove();
      if (type.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) type;
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(SERVICE)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
            ? (TypeElement) ((DeclaredType) arguments.get(0)).asElement()
            : null;
      }
      pending.addAll(types.directSupertypes(type));
    }
    return null;
  }

  /** The clause to paste: {@code provides io.chunkstate.ChunkCodec with a.A, b.B;}. */
  private static String clause(Set<String> codecs) {
    return "provides " + SERVICE + " with " + String.join(", ", new TreeSet<>(codecs)) + ";";
  }
}

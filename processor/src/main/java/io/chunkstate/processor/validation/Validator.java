package io.chunkstate.processor.validation;

import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.model.WireType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @Chunk} and {@code @ChunkStruct} types against every rule of SPEC §6 and builds
 * the model of each clean one. It never prints: the {@link Report} holds every problem, and the
 * processor reports them.
 *
 * <p>One validator serves one round. Struct types are checked once and remembered, so a struct
 * used by many chunks has its problems reported once, and a chunk that uses a broken struct gets
 * no code and no second message.
 */
public final class Validator {
  /** {@code @Chunk}. */
  public static final String CHUNK = "io.chunkstate.annotation.Chunk";

  /** {@code @ChunkStruct}. */
  public static final String CHUNK_STRUCT = "io.chunkstate.annotation.ChunkStruct";

  /** {@code @ChunkAuthority}. */
  public static final String CHUNK_AUTHORITY = "io.chunkstate.annotation.ChunkAuthority";

  private static final Map<String, WireType.Primitive> BOXES =
      Map.of(
          "java.lang.Boolean", WireType.Primitive.BOOLEAN,
          "java.lang.Byte", WireType.Primitive.BYTE,
          "java.lang.Short", WireType.Primitive.SHORT,
          "java.lang.Character", WireType.Primitive.CHAR,
          "java.lang.Integer", WireType.Primitive.INT,
          "java.lang.Long", WireType.Primitive.LONG,
          "java.lang.Float", WireType.Primitive.FLOAT,
          "java.lang.Double", WireType.Primitive.DOUBLE);

  private final Elements elements;
  private final Types types;
  private final Map<String, String> codeOwners;
  private final Map<String, String> codecOwners;
  private final boolean lastRound;

  private final Map<String, Optional<ClassModel>> structs = new HashMap<>();
  private final Set<String> deferredStructs = new HashSet<>();
  private final LinkedHashSet<String> structsInProgress = new LinkedHashSet<>();
  private final Set<String> deferred = new LinkedHashSet<>();
  private List<Problem> found = new ArrayList<>();
  private boolean deferCurrent;

  /**
   * @param codeOwners the code of every {@code @Chunk} type seen so far in this compilation, with
   *     its class; the validator adds to it (rule 5 spans rounds)
   * @param codecOwners the codec name of every {@code @Chunk} type seen so far in this
   *     compilation, with its class; the validator adds to it (rule 12 spans rounds)
   * @param lastRound whether no later round follows, so that nothing can be deferred
   */
  public Validator(
      Elements elements,
      Types types,
      Map<String, String> codeOwners,
      Map<String, String> codecOwners,
      boolean lastRound) {
    this.elements = elements;
    this.types = types;
    this.codeOwners = codeOwners;
    this.codecOwners = codecOwners;
    this.lastRound = lastRound;
  }

  /** Checks the types of one round. */
  public Report validate(Collection<TypeElement> chunkTypes, Collection<TypeElement> structTypes) {
    Set<Problem> problems = new LinkedHashSet<>();
    List<ClassModel> cleanStructs = new ArrayList<>();
    for (TypeElement struct : structTypes) {
      if (hasAnnotation(struct, CHUNK)) {
        continue; // reported as a chunk
      }
      ClassModel model = topLevel(problems, struct, () -> struct(struct, null));
      if (model != null) {
        cleanStructs.add(model);
      }
    }
    Map<TypeElement, ChunkModel> candidates = new LinkedHashMap<>();
    Set<String> broken = new HashSet<>();
    for (TypeElement chunk : chunkTypes) {
      ChunkModel model = topLevel(problems, chunk, () -> chunk(chunk));
      if (model != null) {
        candidates.put(chunk, model);
      } else {
        broken.add(chunk.getQualifiedName().toString());
      }
    }
    // A chunk whose sub-chunk type gets no codec this round gets none either.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var it = candidates.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        if (dependsOn(entry.getValue(), broken)) {
          broken.add(entry.getKey().getQualifiedName().toString());
          it.remove();
          changed = true;
        }
      }
    }
    return new Report(List.copyOf(problems), candidates, cleanStructs, Set.copyOf(deferred));
  }

  private interface Check<T> {
    T run();
  }

  /** Runs one type's check; its problems count only if the type is not deferred. */
  private <T> T topLevel(Set<Problem> problems, TypeElement type, Check<T> check) {
    found = new ArrayList<>();
    deferCurrent = false;
    T result = check.run();
    if (deferCurrent) {
      deferred.add(type.getQualifiedName().toString());
      return null;
    }
    problems.addAll(found);
    return result;
  }

  private static boolean dependsOn(ChunkModel chunk, Set<String> broken) {
    for (FieldModel field : chunk.type().subChunkFields()) {
      JavaName type =
          field.type() instanceof WireType.SubChunk s
              ? s.type()
              : ((WireType.SubChunkList) field.type()).type();
      if (broken.contains(type.qualifiedName())) {
        return true;
      }
    }
    return false;
  }

  // ---- types ----

  private ChunkModel chunk(TypeElement type) {
    boolean ok = true;
    if (hasAnnotation(type, CHUNK_STRUCT)) {
      report(Problem.on(type, Message.CHUNK_AND_STRUCT, name(type)));
      ok = false;
    }
    String code = code(type);
    if (!target(type, "Chunk")) {
      return null;
    }
    ok &= codecName(type);
    ClassModel model = classModel(type, false);
    return ok && code != null && model != null ? new ChunkModel(code, model) : null;
  }

  private ClassModel struct(TypeElement type, FieldContext from) {
    String key = type.getQualifiedName().toString();
    if (structsInProgress.contains(key)) {
      List<String> cycle = new ArrayList<>();
      boolean inCycle = false;
      for (String name : structsInProgress) {
        inCycle |= name.equals(key);
        if (inCycle) {
          cycle.add(name);
        }
      }
      cycle.add(key);
      report(
          Problem.on(
              from.element, Message.STRUCT_CYCLE, from.name, key, String.join(" -> ", cycle)));
      return null;
    }
    if (deferredStructs.contains(key)) {
      defer();
      return null;
    }
    Optional<ClassModel> known = structs.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    boolean deferredBefore = deferCurrent;
    deferCurrent = false;
    structsInProgress.add(key);
    ClassModel model = target(type, "ChunkStruct") ? classModel(type, true) : null;
    structsInProgress.remove(key);
    if (deferCurrent) {
      deferredStructs.add(key);
    } else {
      structs.put(key, Optional.ofNullable(model));
    }
    deferCurrent |= deferredBefore;
    return model;
  }

  /** Rule 8, and the parts of rule 7 that concern the type itself. */
  private boolean target(TypeElement type, String annotation) {
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      report(Problem.on(type, Message.TARGET, annotation, describe(kind), name(type)));
      return false;
    }
    Element enclosing = type.getEnclosingElement();
    if (enclosing.getKind() != ElementKind.PACKAGE) {
      if (!(enclosing instanceof TypeElement)) {
        report(Problem.on(type, Message.TARGET, annotation, "local class", name(type)));
        return false;
      }
      if (!type.getModifiers().contains(Modifier.STATIC)) {
        report(Problem.on(type, Message.INNER_CLASS, name(type)));
        return false;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      report(Problem.on(type, Message.GENERIC_TYPE, name(type)));
      return false;
    }
    boolean ok = true;
    String invisible = invisibility(type, type);
    if (invisible != null) {
      report(
          Problem.on(
              type, Message.INACCESSIBLE_TYPE, name(type), invisible, packageOf(type), "package-private"));
      ok = false;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report(Problem.on(type, Message.ABSTRACT_TYPE, name(type)));
      ok = false;
    }
    return ok;
  }

  /** The longest file name, in bytes, of common file systems (ext4, APFS, NTFS). */
  private static final int MAX_FILE_NAME = 255;

  /** What the longest file of a codec adds to its type's name: a split codec's holder class. */
  private static final String LONGEST_FILE_SUFFIX = "ChunkCodec$Values.class";

  /**
   * The longest name, in UTF-8 bytes, of a chunk type (its simple names joined by '_', as in its
   * codec's name) whose codec's files all fit a file name: 232.
   */
  private static final int MAX_NAME_BYTES = MAX_FILE_NAME - LONGEST_FILE_SUFFIX.length();

  /**
   * Rules 12 and 13, beyond SPEC §6 (docs/PROCESSOR.md): the codec's name must be free, and
   * short enough for its files.
   */
  private boolean codecName(TypeElement type) {
    JavaName codec = javaName(type).codecName();
    String joined = String.join("_", javaName(type).simpleNames());
    int bytes = joined.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      report(
          Problem.on(
              type,
              Message.NAME_TOO_LONG,
              name(type),
              codec.simpleName(),
              bytes + LONGEST_FILE_SUFFIX.length(),
              MAX_FILE_NAME,
              javaName(type).simpleNames().size() > 1
                  ? " and those of the types around it (joined by '_')"
                  : "",
              MAX_NAME_BYTES,
              bytes));
      return false;
    }
    String owner = codecOwners.putIfAbsent(codec.qualifiedName(), name(type));
    if (owner != null && !owner.equals(name(type))) {
      report(
          Problem.on(type, Message.CODEC_NAME_CLASH, name(type), codec.qualifiedName(), owner));
      return false;
    }
    return true;
  }

  /** Rules 1 to 5: the code, reported on the annotation value. Null if the code is bad. */
  private String code(TypeElement type) {
    AnnotationMirror annotation = annotation(type, CHUNK);
    AnnotationValue value = annotationValue(annotation);
    String code = String.valueOf(value.getValue());
    ChunkType chunkType;
    try {
      chunkType = ChunkType.of(code);
    } catch (IllegalArgumentException e) {
      report(Problem.onValue(type, annotation, value, Message.CODE_FORMAT, code));
      return null;
    }
    if (chunkType.equals(ChunkType.CHDR)
        || chunkType.equals(ChunkType.CEND)
        || chunkType.equals(ChunkType.DESC)) {
      report(Problem.onValue(type, annotation, value, Message.FORMAT_CODE, code));
      return null;
    }
    boolean ok = true;
    if (chunkType.isReservedBitSet()) {
      char third = code.charAt(2);
      report(
          Problem.onValue(
              type,
              annotation,
              value,
              Message.RESERVED_BIT,
              code,
              String.valueOf(third),
              String.valueOf((char) (third & ~0x20))));
      ok = false;
    }
    if (chunkType.isPublic() && !isAuthority(type)) {
      String privateSpelling =
          code.substring(0, 1) + (char) (code.charAt(1) | 0x20) + code.substring(2);
      report(Problem.onValue(type, annotation, value, Message.PUBLIC_CODE, code, privateSpelling));
      ok = false;
    }
    if (!ok) {
      return null;
    }
    String owner = codeOwners.putIfAbsent(code, name(type));
    if (owner != null && !owner.equals(name(type))) {
      report(Problem.onValue(type, annotation, value, Message.DUPLICATE_CODE, code, owner));
      return null;
    }
    return code;
  }

  private ClassModel classModel(TypeElement type, boolean inStruct) {
    boolean ok = true;
    boolean record = type.getKind() == ElementKind.RECORD;
    if (!record) {
      ok &= hasConstructor(type);
      ok &= noInheritedState(type);
    }
    List<FieldModel> fields = new ArrayList<>();
    Map<String, String> subChunkOwners = new HashMap<>();
    for (VariableElement field : stateFields(type)) {
      FieldContext context = new FieldContext(field, type, inStruct);
      WireType wire = wireType(field.asType(), context, true);
      if (wire == null || !inStruct && !reachable(wire, context)) {
        ok = false;
        continue;
      }
      String subCode = subChunkCode(wire);
      if (subCode != null) {
        String first = subChunkOwners.putIfAbsent(subCode, context.name);
        if (first != null) {
          report(Problem.on(field, Message.DUPLICATE_SUB_CHUNK, first, context.name, subCode));
          ok = false;
        }
      }
      Access read;
      Access write;
      if (record) {
        read = Access.method(context.name);
        write = Access.constructor();
      } else {
        Access[] access = fieldAccess(type, field);
        if (access == null) {
          ok = false;
          continue;
        }
        read = access[0];
        write = access[1];
      }
      fields.add(new FieldModel(context.name, wire, read, write));
    }
    if (!ok) {
      return null;
    }
    return new ClassModel(
        javaName(type),
        record ? ClassModel.Construction.RECORD : ClassModel.Construction.MUTABLE_CLASS,
        fields);
  }

  /**
   * Record components in order; for a class, its non-static, non-transient fields in order. A
   * record's components are taken as its fields, which javac gives a source position for
   * diagnostics.
   */
  private static List<VariableElement> stateFields(TypeElement type) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
        fields.add(field);
      }
    }
    return fields;
  }

  private boolean hasConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    report(Problem.on(type, Message.NO_CONSTRUCTOR, name(type)));
    return false;
  }

  private boolean noInheritedState(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) types.asElement(superclass);
      if (parent.getQualifiedName().contentEquals("java.lang.Object")) {
        return true;
      }
      for (VariableElement field : ElementFilter.fieldsIn(parent.getEnclosedElements())) {
        Set<Modifier> modifiers = field.getModifiers();
        if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
          report(
              Problem.on(
                  type,
                  Message.INHERITED_STATE,
                  name(type),
                  name(parent),
                  field.getSimpleName(),
                  name(type)));
          return false;
        }
      }
      superclass = parent.getSuperclass();
    }
    return true;
  }

  // ---- fields ----

  /** The field being checked, for messages. */
  private static final class FieldContext {
    final Element element;
    final String name;
    final TypeMirror type;
    final TypeElement owner;
    final boolean inStruct;

    FieldContext(Element element, TypeElement owner, boolean inStruct) {
      this.element = element;
      this.name = element.getSimpleName().toString();
      this.type = element.asType();
      this.owner = owner;
      this.inStruct = inStruct;
    }
  }

  /** Rules 6, 9 and 11: how a value of {@code type} travels; null after a problem. */
  private WireType wireType(TypeMirror type, FieldContext field, boolean topLevel) {
    if (type.getKind().isPrimitive()) {
      // The constants of WireType.Primitive are named after the primitive TypeKinds.
      return WireType.Primitive.valueOf(type.getKind().name());
    }
    switch (type.getKind()) {
      case ARRAY:
        return arrayType((ArrayType) type, field);
      case DECLARED:
        return declaredType((DeclaredType) type, field, topLevel);
      case ERROR:
        defer();
        return null;
      default:
        report(Problem.on(field.element, Message.UNSUPPORTED_TYPE, field.name, field.type));
        return null;
    }
  }

  private WireType arrayType(ArrayType type, FieldContext field) {
    TypeMirror component = type.getComponentType();
    if (component.getKind().isPrimitive()) {
      return new WireType.PrimitiveArray((WireType.Primitive) wireType(component, field, false));
    }
    if (component.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) component;
      TypeElement element = (TypeElement) declared.asElement();
      if (hasAnnotation(element, CHUNK) && !hasAnnotation(element, CHUNK_STRUCT)) {
        report(
            Problem.on(
                field.element,
                Message.SUB_CHUNK_CONTAINER,
                field.name,
                field.type,
                name(element),
                element.getSimpleName()));
        return null;
      }
      if (!declared.getTypeArguments().isEmpty()) {
        report(
            Problem.on(field.element, Message.GENERIC_ARRAY, field.name, field.type, component));
        return null;
      }
    }
    WireType element = wireType(component, field, false);
    return element == null ? null : new WireType.ArrayOf(element);
  }

  private WireType declaredType(DeclaredType type, FieldContext field, boolean topLevel) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.String")) {
      return WireType.STRING;
    }
    WireType.Primitive boxed = BOXES.get(name);
    if (boxed != null) {
      return new WireType.Boxed(boxed);
    }
    if (name.equals("java.util.List")) {
      return listType(type, field, topLevel);
    }
    if (element.getKind() == ElementKind.ENUM) {
      if (!visible(element, field)) {
        return null;
      }
      List<String> constants = new ArrayList<>();
      for (Element member : element.getEnclosedElements()) {
        if (member.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(member.getSimpleName().toString());
        }
      }
      return new WireType.EnumType(javaName(element), constants);
    }
    if (hasAnnotation(element, CHUNK)) {
      if (!subChunkAllowed(element, field, topLevel)) {
        return null;
      }
      String code = existingCode(element);
      return code == null
          ? null
          : new WireType.SubChunk(
              javaName(element), code, element.getKind() == ElementKind.CLASS);
    }
    if (hasAnnotation(element, CHUNK_STRUCT)) {
      if (!visible(element, field)) {
        return null;
      }
      ClassModel struct = struct(element, field);
      return struct == null ? null : new WireType.Struct(struct);
    }
    report(Problem.on(field.element, Message.UNSUPPORTED_TYPE, field.name, field.type));
    return null;
  }

  private WireType listType(DeclaredType type, FieldContext field, boolean topLevel) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() != 1) {
      report(Problem.on(field.element, Message.UNSUPPORTED_TYPE, field.name, field.type));
      return null;
    }
    TypeMirror argument = arguments.get(0);
    if (argument.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) types.asElement(argument);
      if (hasAnnotation(element, CHUNK)) {
        if (!subChunkAllowed(element, field, topLevel)) {
          return null;
        }
        String code = existingCode(element);
        return code == null ? null : new WireType.SubChunkList(javaName(element), code);
      }
    } else if (argument.getKind() != TypeKind.ARRAY && argument.getKind() != TypeKind.ERROR) {
      report(Problem.on(field.element, Message.UNSUPPORTED_TYPE, field.name, field.type));
      return null;
    }
    WireType element = wireType(argument, field, false);
    return element == null ? null : new WireType.ListOf(element);
  }

  private boolean subChunkAllowed(TypeElement chunk, FieldContext field, boolean topLevel) {
    if (field.inStruct) {
      report(
          Problem.on(
              field.element,
              Message.CHUNK_IN_STRUCT,
              field.name,
              name(field.owner),
              name(chunk),
              name(chunk)));
      return false;
    }
    if (!topLevel) {
      report(
          Problem.on(
              field.element,
              Message.SUB_CHUNK_CONTAINER,
              field.name,
              field.type,
              name(chunk),
              chunk.getSimpleName()));
      return false;
    }
    return visible(chunk, field);
  }

  /**
   * The code of a {@code @Chunk} type that a field refers to, if it is a valid one. A bad code is
   * that type's own problem, reported where it is declared; the field only gets no codec.
   */
  private String existingCode(TypeElement chunk) {
    AnnotationValue value = annotationValue(annotation(chunk, CHUNK));
    String code = String.valueOf(value.getValue());
    try {
      ChunkType type = ChunkType.of(code);
      return type.isReservedBitSet() ? null : code;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String subChunkCode(WireType wire) {
    if (wire instanceof WireType.SubChunk s) {
      return s.code();
    }
    if (wire instanceof WireType.SubChunkList s) {
      return s.code();
    }
    return null;
  }

  /** Rule 7: how the codec reads and sets a field of a class; null after a problem. */
  private Access[] fieldAccess(TypeElement type, VariableElement field) {
    Set<Modifier> modifiers = field.getModifiers();
    boolean isPrivate = modifiers.contains(Modifier.PRIVATE);
    boolean isFinal = modifiers.contains(Modifier.FINAL);
    String name = field.getSimpleName().toString();
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    boolean isBoolean = field.asType().getKind() == TypeKind.BOOLEAN;

    Access read = isPrivate ? null : Access.field(name);
    if (read == null) {
      read = getter(type, field, "get" + capitalized);
      if (read == null && isBoolean) {
        read = getter(type, field, "is" + capitalized);
      }
    }
    Access write = isPrivate || isFinal ? null : Access.field(name);
    if (write == null) {
      write = setter(type, field, "set" + capitalized);
    }
    if (read != null && write != null) {
      return new Access[] {read, write};
    }
    String getter = (isBoolean ? "is" : "get") + capitalized + "()";
    String setter = "set" + capitalized + "(" + field.asType() + ")";
    String missing;
    String verb;
    if (read == null && write == null) {
      missing = "getter " + getter + " or setter " + setter;
      verb = "read or set";
    } else if (read == null) {
      missing = "getter " + getter;
      verb = "read";
    } else {
      missing = "setter " + setter;
      verb = "set";
    }
    String fix;
    if (isFinal && !isPrivate) {
      fix = "make the field non-final, or add " + setter;
    } else if (isFinal) {
      fix = "make the field package-private and non-final, or add the missing methods";
    } else {
      fix = "make the field package-private, or add the missing methods";
    }
    String what = isPrivate && isFinal ? "private and final" : isPrivate ? "private" : "final";
    report(
        Problem.on(
            field, Message.UNREACHABLE_FIELD, name, what, name(type), missing, verb, fix));
    return null;
  }

  /** A non-private instance method {@code name()} that returns the field's type. */
  private Access getter(TypeElement type, VariableElement field, String name) {
    return method(
        type,
        name,
        m -> m.getParameters().isEmpty() && types.isSameType(m.getReturnType(), field.asType()));
  }

  /** A non-private instance method {@code name(T)}, T the field's type. */
  private Access setter(TypeElement type, VariableElement field, String name) {
    return method(
        type,
        name,
        m ->
            m.getParameters().size() == 1
                && types.isSameType(m.getParameters().get(0).asType(), field.asType()));
  }

  private Access method(TypeElement type, String name, Predicate<ExecutableElement> signature) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Set<Modifier> modifiers = method.getModifiers();
      if (method.getSimpleName().contentEquals(name)
          && !modifiers.contains(Modifier.PRIVATE)
          && !modifiers.contains(Modifier.STATIC)
          && signature.test(method)) {
        return Access.method(name);
      }
    }
    return null;
  }

  // ---- visibility ----

  /**
   * Rule 7 for what a chunk's field embeds: the codec, in the chunk's package, has the code for
   * every struct and enum inline in it, nested ones included, so each must be visible from there,
   * and a struct class from another package must have public members where the codec uses them.
   * A struct checks its own fields from its own package; this checks them from the chunk's.
   */
  private boolean reachable(WireType wire, FieldContext field) {
    if (wire instanceof WireType.ArrayOf a) {
      return reachable(a.element(), field);
    } else if (wire instanceof WireType.ListOf l) {
      return reachable(l.element(), field);
    } else if (wire instanceof WireType.EnumType e) {
      return visible(typeElement(e.name()), field);
    } else if (wire instanceof WireType.Struct s) {
      TypeElement struct = typeElement(s.type().name());
      if (!visible(struct, field)) {
        return false;
      }
      if (!packageOf(struct).equals(packageOf(field.owner))) {
        String member = nonPublicMember(struct, s.type());
        if (member != null) {
          report(
              Problem.on(
                  field.element,
                  Message.INACCESSIBLE_MEMBER,
                  field.name,
                  name(struct),
                  member,
                  packageOf(field.owner),
                  name(struct)));
          return false;
        }
      }
      for (FieldModel member : s.type().fields()) {
        if (!reachable(member.type(), field)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The first member of a struct class that its codec uses and that is not public, or null. */
  private String nonPublicMember(TypeElement struct, ClassModel model) {
    if (model.construction() != ClassModel.Construction.MUTABLE_CLASS) {
      return null; // a public record's accessors and canonical constructor are public
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(struct.getEnclosedElements());
    for (ExecutableElement constructor : constructors) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return "constructor " + struct.getSimpleName() + "()";
      }
    }
    for (FieldModel field : model.fields()) {
      for (Access access : List.of(field.read(), field.write())) {
        if (access.kind() == Access.Kind.FIELD && !isPublicField(struct, access.member())) {
          return "field '" + access.member() + "'";
        }
        if (access.kind() == Access.Kind.METHOD && !isPublicMethod(struct, access.member())) {
          return "method " + access.member() + "()";
        }
      }
    }
    return null;
  }

  private static boolean isPublicField(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field.getModifiers().contains(Modifier.PUBLIC);
      }
    }
    return false;
  }

  private boolean isPublicMethod(TypeElement type, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getSimpleName().contentEquals(name)
          && method.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private TypeElement typeElement(JavaName name) {
    return elements.getTypeElement(name.qualifiedName());
  }

  /** Whether the codec of {@code field.owner} can name {@code type}; reports if not. */
  private boolean visible(TypeElement type, FieldContext field) {
    String invisible = invisibility(type, field.owner);
    if (invisible == null) {
      return true;
    }
    String fix =
        packageOf(type).equals(packageOf(field.owner)) ? "package-private or public" : "public";
    report(
        Problem.on(
            field.element,
            Message.INACCESSIBLE_TYPE,
            name(type),
            invisible,
            packageOf(field.owner),
            fix));
    return false;
  }

  /**
   * Why code in the package of {@code from} cannot name {@code type}, or null if it can: "private",
   * or "package-private in another package".
   */
  private String invisibility(TypeElement type, TypeElement from) {
    boolean samePackage = packageOf(type).equals(packageOf(from));
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

  // ---- helpers ----

  private void report(Problem problem) {
    found.add(problem);
  }

  private void defer() {
    if (!lastRound) {
      deferCurrent = true;
    }
  }

  private boolean isAuthority(TypeElement type) {
    return hasAnnotation(elements.getPackageOf(type), CHUNK_AUTHORITY);
  }

  static boolean hasAnnotation(Element element, String annotation) {
    return annotation(element, annotation) != null;
  }

  private static AnnotationMirror annotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue annotationValue(AnnotationMirror annotation) {
    for (var entry : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException("@Chunk without a value: " + annotation);
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  private JavaName javaName(TypeElement type) {
    List<String> simpleNames = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      simpleNames.add(0, e.getSimpleName().toString());
    }
    return new JavaName(packageOf(type), simpleNames);
  }

  private static String name(TypeElement type) {
    return type.getQualifiedName().toString();
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case ANNOTATION_TYPE -> "annotation type";
      case ENUM -> "enum";
      case INTERFACE -> "interface";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}

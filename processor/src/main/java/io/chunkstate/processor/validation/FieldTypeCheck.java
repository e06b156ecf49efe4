package io.chunkstate.processor.validation;

import static io.chunkstate.processor.validation.Names.name;

import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
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
 * Rules 6, 9, 10 and 11, and 27 to 32 (docs/PROCESSOR.md): how the value of each field travels, if SPEC §4 can encode it at all.
 *
 * <p>Struct types are checked once a round and remembered, so a struct used by many chunks has its
 * problems reported once, and a chunk that uses a broken struct gets no code and no second
 * message.
 */
final class FieldTypeCheck {
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
  private final Names names;
  private final Findings findings;
  private final TargetCheck targets;
  private final Function<TypeElement, ClassModel> structModel;
  private final EnumValueCheck enumValues;

  private final Map<String, Optional<ClassModel>> structs = new HashMap<>();
  private final Set<String> deferredStructs = new HashSet<>();
  private final LinkedHashSet<String> structsInProgress = new LinkedHashSet<>();

  /**
   * @param structModel checks a struct type as a whole and builds its model; null after a
   *     problem
   */
  FieldTypeCheck(
      Elements elements,
      Types types,
      Names names,
      Findings findings,
      TargetCheck targets,
      Function<TypeElement, ClassModel> structModel,
      EnumValueCheck enumValues) {
    this.elements = elements;
    this.types = types;
    this.names = names;
    this.findings = findings;
    this.targets = targets;
    this.structModel = structModel;
    this.enumValues = enumValues;
  }

  /** How a field travels; null after a problem. */
  WireType wireType(FieldContext field) {
    AnnotationMirror declared = Annotations.find(field.element(), Annotations.SUB_CHUNK);
    if (declared != null) {
      return declaredSubChunk(field, declared);
    }
    return wireType(field.type(), field, true);
  }

  /**
   * Rules 27 to 31: a struct field that declares its own sub-chunk code; null after a problem.
   * The code is checked as SPEC §6 checks a class's, but for rule 5: it is its parent's alone.
   */
  private WireType declaredSubChunk(FieldContext field, AnnotationMirror annotation) {
    AnnotationValue value = Annotations.value(annotation);
    String code = String.valueOf(value.getValue());
    TypeMirror type = field.type();
    if (type.getKind() == TypeKind.ERROR) {
      findings.defer();
      return null;
    }
    TypeElement element =
        type.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(type) : null;
    if (field.inStruct()) {
      findings.report(
          Problem.on(
              field.element(),
              Message.SUB_CHUNK_TYPE,
              field.name(),
              code,
              "it belongs to @ChunkStruct " + name(field.owner()) + ", inline data that holds no"
                  + " sub-chunks",
              "move the field to a @Chunk type, or remove @SubChunk"));
      return null;
    }
    if (element == null
        || !Annotations.has(element, Annotations.CHUNK_STRUCT)
        || Annotations.has(element, Annotations.CHUNK)) {
      findings.report(
          Problem.on(
              field.element(),
              Message.SUB_CHUNK_TYPE,
              field.name(),
              code,
              "its type " + type + " is not a @ChunkStruct type",
              "give the field a @ChunkStruct type, or remove @SubChunk"));
      return null;
    }
    boolean ok = declaredCode(field, annotation, value, code);
    if (!targets.visible(element, field)) {
      return null;
    }
    ClassModel struct = struct(element, field);
    return ok && struct != null ? new WireType.DeclaredSubChunk(struct, code) : null;
  }

  /** Rules 28 to 31: the code a field declares, as rules 1 to 4 check a class's. */
  private boolean declaredCode(
      FieldContext field, AnnotationMirror annotation, AnnotationValue value, String code) {
    ChunkType chunkType;
    try {
      chunkType = ChunkType.of(code);
    } catch (IllegalArgumentException e) {
      findings.report(
          Problem.onValue(
              field.element(),
              annotation,
              value,
              Message.SUB_CHUNK_CODE_FORMAT,
              field.name(),
              code));
      return false;
    }
    if (chunkType.equals(ChunkType.CHDR)
        || chunkType.equals(ChunkType.CEND)
        || chunkType.equals(ChunkType.DESC)) {
      findings.report(
          Problem.onValue(
              field.element(),
              annotation,
              value,
              Message.SUB_CHUNK_FORMAT_CODE,
              field.name(),
              code));
      return false;
    }
    boolean ok = true;
    if (chunkType.isReservedBitSet()) {
      char third = code.charAt(2);
      findings.report(
          Problem.onValue(
              field.element(),
              annotation,
              value,
              Message.SUB_CHUNK_RESERVED_BIT,
              field.name(),
              code,
              String.valueOf(third),
              String.valueOf((char) (third & ~0x20))));
      ok = false;
    }
    if (chunkType.isPublic()
        && !Annotations.has(elements.getPackageOf(field.owner()), Annotations.CHUNK_AUTHORITY)) {
      String privateSpelling =
          code.substring(0, 1) + (char) (code.charAt(1) | 0x20) + code.substring(2);
      findings.report(
          Problem.onValue(
              field.element(),
              annotation,
              value,
              Message.SUB_CHUNK_PUBLIC_CODE,
              field.name(),
              code,
              privateSpelling));
      ok = false;
    }
    return ok;
  }

  /**
   * Rules 10 and 32: records the sub-chunk code of a field, if it has one, among those of its
   * class, and reports a field whose code another field of the class already has: rule 32 when
   * either of the two declares its code ({@code @SubChunk}), rule 10 otherwise.
   *
   * @param owners the fields of the class so far, by their sub-chunk codes
   * @param declared the fields of the class so far that declare their codes
   */
  boolean distinctSubChunk(
      WireType wire, FieldContext field, Map<String, String> owners, Set<String> declared) {
    SubChunkUse use = SubChunkUse.of(wire);
    if (use == null) {
      return true;
    }
    String first = owners.putIfAbsent(use.code(), field.name());
    if (first != null && (wire instanceof WireType.DeclaredSubChunk || declared.contains(first))) {
      findings.report(
          Problem.on(
              field.element(),
              Message.SUB_CHUNK_COLLISION,
              first,
              field.name(),
              name(field.owner()),
              use.code(),
              wire instanceof WireType.DeclaredSubChunk ? field.name() : first));
      return false;
    }
    if (wire instanceof WireType.DeclaredSubChunk) {
      declared.add(field.name());
    }
    if (first != null) {
      findings.report(
          Problem.on(
              field.element(), Message.DUPLICATE_SUB_CHUNK, first, field.name(), use.code()));
      return false;
    }
    return true;
  }

  /** The model of a struct type, checked once a round; rule 9 for one that contains itself. */
  ClassModel struct(TypeElement type, FieldContext from) {
    String key = type.getQualifiedName().toString();
    if (structsInProgress.contains(key)) {
      reportCycle(key, from);
      return null;
    }
    if (deferredStructs.contains(key)) {
      findings.defer();
      return null;
    }
    Optional<ClassModel> known = structs.get(key);
    if (known != null) {
      return known.orElse(null);
    }
    structsInProgress.add(key);
    Findings.Part<ClassModel> part = findings.part(() -> structModel.apply(type));
    structsInProgress.remove(key);
    if (part.deferred()) {
      deferredStructs.add(key);
    } else {
      structs.put(key, Optional.ofNullable(part.result()));
    }
    return part.result();
  }

  private void reportCycle(String key, FieldContext from) {
    List<String> cycle = new ArrayList<>();
    boolean inCycle = false;
    for (String name : structsInProgress) {
      inCycle |= name.equals(key);
      if (inCycle) {
        cycle.add(name);
      }
    }
    cycle.add(key);
    findings.report(
        Problem.on(
            from.element(), Message.STRUCT_CYCLE, from.name(), key, String.join(" -> ", cycle)));
  }

  /** Rules 6, 9 and 11: how a value of {@code type} travels; null after a problem. */
  private WireType wireType(TypeMirror type, FieldContext field, boolean topLevel) {
    if (type.getKind().isPrimitive()) {
      // The constants of WireType.Primitive are named after the primitive TypeKinds.
      return WireType.Primitive.valueOf(type.getKind().name());
    }
    switch (type.getKind()) {
      case ARRAY:
        return arrayType((ArrayType) type, field, topLevel);
      case DECLARED:
        return declaredType((DeclaredType) type, field, topLevel);
      case ERROR:
        findings.defer();
        return null;
      default:
        return unsupported(field);
    }
  }

  private WireType unsupported(FieldContext field) {
    findings.report(
        Problem.on(field.element(), Message.UNSUPPORTED_TYPE, field.name(), field.type()));
    return null;
  }

  private WireType arrayType(ArrayType type, FieldContext field, boolean topLevel) {
    TypeMirror component = type.getComponentType();
    if (component.getKind().isPrimitive()) {
      return new WireType.PrimitiveArray(WireType.Primitive.valueOf(component.getKind().name()));
    }
    if (component.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) component;
      TypeElement element = (TypeElement) declared.asElement();
      if (Annotations.has(element, Annotations.CHUNK)
          && !Annotations.has(element, Annotations.CHUNK_STRUCT)) {
        return subChunk(element, field, topLevel, true, true);
      }
      if (!declared.getTypeArguments().isEmpty()) {
        findings.report(
            Problem.on(
                field.element(), Message.GENERIC_ARRAY, field.name(), field.type(), component));
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
    if (name.equals("java.util.BitSet")) {
      return WireType.BITS;
    }
    WireType.Primitive boxed = BOXES.get(name);
    if (boxed != null) {
      return new WireType.Boxed(boxed);
    }
    if (name.equals("java.util.List")) {
      return listType(type, field, topLevel);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return targets.visible(element, field) ? enumType(element) : null;
    }
    if (Annotations.has(element, Annotations.CHUNK)) {
      return subChunk(element, field, topLevel, false, false);
    }
    if (Annotations.has(element, Annotations.CHUNK_STRUCT)) {
      if (!targets.visible(element, field)) {
        return null;
      }
      ClassModel struct = struct(element, field);
      return struct == null ? null : new WireType.Struct(struct);
    }
    return unsupported(field);
  }

  /**
   * A field of a {@code @Chunk} type, or a list or array of them: sub-chunks, which a class
   * restores in place; null if the type may not be a sub-chunk here or has no valid code.
   */
  private WireType subChunk(
      TypeElement element, FieldContext field, boolean topLevel, boolean list, boolean array) {
    if (!subChunkAllowed(element, field, topLevel)) {
      return null;
    }
    String code = TypeCodeCheck.existingCode(element);
    if (code == null) {
      return null;
    }
    boolean mutable = element.getKind() == ElementKind.CLASS;
    WireType.FixedLayout layout = fixedLayout(element, field);
    return list
        ? new WireType.SubChunkList(names.javaName(element), code, mutable, array, layout)
        : new WireType.SubChunk(names.javaName(element), code, mutable, layout);
  }

  /**
   * The components of {@code element} if its sub-chunks can be read in place by the codec that
   * reads {@code field}: a record of primitives only, without a post-load hook, whose canonical
   * constructor that codec can call (the record is public, as is every type around it, or it is in
   * the package of the {@code @Chunk} type that declares the field; and so is the constructor,
   * which is not deprecated either, so that the codec compiles without a warning). Null for any
   * other type, whose sub-chunks its own codec reads.
   */
  private WireType.FixedLayout fixedLayout(TypeElement element, FieldContext field) {
    boolean sameCodecPackage =
        Annotations.has(field.owner(), Annotations.CHUNK)
            && names.packageOf(element).equals(names.packageOf(field.owner()));
    if (element.getKind() != ElementKind.RECORD || !(sameCodecPackage || publicToAll(element))) {
      return null;
    }
    for (Element member : element.getEnclosedElements()) {
      if (Annotations.has(member, Annotations.POST_LOAD)) {
        return null;
      }
    }
    List<String> components = new ArrayList<>();
    List<WireType.Primitive> primitives = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      TypeKind kind = component.asType().getKind();
      if (!kind.isPrimitive()) {
        return null;
      }
      components.add(component.getSimpleName().toString());
      primitives.add(WireType.Primitive.valueOf(kind.name()));
    }
    ExecutableElement canonical = canonicalConstructor(element);
    boolean callable =
        canonical != null
            && !elements.isDeprecated(canonical)
            && (canonical.getModifiers().contains(Modifier.PUBLIC)
                || sameCodecPackage && !canonical.getModifiers().contains(Modifier.PRIVATE));
    return callable ? new WireType.FixedLayout(components, primitives) : null;
  }

  /**
   * The constructor of {@code record} whose parameters are its components' types in order, or
   * null. In a record compiled by javac the canonical constructor is never less accessible than
   * the record, but a class file can say otherwise.
   */
  private ExecutableElement canonicalConstructor(TypeElement record) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(record.getEnclosedElements())) {
      List<? extends VariableElement> parameters = constructor.getParameters();
      boolean same = parameters.size() == components.size();
      for (int i = 0; same && i < parameters.size(); i++) {
        same = types.isSameType(parameters.get(i).asType(), components.get(i).asType());
      }
      if (same) {
        return constructor;
      }
    }
    return null;
  }

  /** Whether {@code element} and every type that encloses it are public. */
  private static boolean publicToAll(TypeElement element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** An enum, by name or by the values its constants declare; null after a problem. */
  private WireType enumType(TypeElement element) {
    List<Integer> values = enumValues.values(element);
    if (values == null) {
      return null;
    }
    List<String> constants = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(member.getSimpleName().toString());
      }
    }
    return new WireType.EnumType(names.javaName(element), constants, values);
  }

  private WireType listType(DeclaredType type, FieldContext field, boolean topLevel) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() != 1) {
      return unsupported(field);
    }
    TypeMirror argument = arguments.get(0);
    if (argument.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) types.asElement(argument);
      if (Annotations.has(element, Annotations.CHUNK)) {
        return subChunk(element, field, topLevel, true, false);
      }
    } else if (argument.getKind() != TypeKind.ARRAY && argument.getKind() != TypeKind.ERROR) {
      return unsupported(field);
    }
    WireType element = wireType(argument, field, false);
    return element == null ? null : new WireType.ListOf(element);
  }

  /** Rule 11, and rule 6 for a sub-chunk inside a nested array or list. */
  private boolean subChunkAllowed(TypeElement chunk, FieldContext field, boolean topLevel) {
    if (field.inStruct()) {
      findings.report(
          Problem.on(
              field.element(),
              Message.CHUNK_IN_STRUCT,
              field.name(),
              name(field.owner()),
              name(chunk),
              name(chunk)));
      return false;
    }
    if (!topLevel) {
      subChunkContainer(field, chunk);
      return false;
    }
    return targets.visible(chunk, field);
  }

  private WireType subChunkContainer(FieldContext field, TypeElement chunk) {
    findings.report(
        Problem.on(
            field.element(),
            Message.SUB_CHUNK_CONTAINER,
            field.name(),
            field.type(),
            name(chunk),
            chunk.getSimpleName(),
            chunk.getSimpleName()));
    return null;
  }
}

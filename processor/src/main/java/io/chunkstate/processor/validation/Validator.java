package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.BaseModel;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @Chunk} and {@code @ChunkStruct} types against every rule of SPEC §6 and builds
 * the model of each clean one. It never prints: the {@link Report} holds every problem, each once,
 * and the processor reports them.
 *
 * <p>The rules are checked by one class per concern — {@link TypeCodeCheck} (the code and the
 * codec's name), {@link TargetCheck} (what may be annotated, and the visibility of types), {@link
 * FieldTypeCheck} (what a field's type encodes as), {@link AccessCheck} (what the codec must
 * reach) — and this class runs them, type by type, and builds the model from what they return.
 * One validator serves one round.
 */
public final class Validator {
  private final Findings findings;
  private final TypeCodeCheck codes;
  private final TargetCheck targets;
  private final AccessCheck access;
  private final FieldTypeCheck fieldTypes;
  private final RestoreCheck restore;
  private final DeclarationCheck declarations;
  private final EnumValueCheck enumValues;
  private final Names names;
  private final Set<String> deferred = new LinkedHashSet<>();

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
    this.findings = new Findings(lastRound);
    this.names = new Names(elements);
    this.codes = new TypeCodeCheck(elements, names, findings, codeOwners, codecOwners);
    this.targets = new TargetCheck(names, findings);
    this.access = new AccessCheck(elements, types, names, findings, targets);
    this.enumValues = new EnumValueCheck(findings);
    this.fieldTypes =
        new FieldTypeCheck(
            elements, types, names, findings, targets, this::structModel, enumValues);
    this.restore = new RestoreCheck(elements, types, names, findings);
    this.declarations = new DeclarationCheck(findings);
  }

  /** Checks the types of one round. */
  public Report validate(Collection<TypeElement> chunkTypes, Collection<TypeElement> structTypes) {
    return validate(chunkTypes, structTypes, Map.of());
  }

  /**
   * Checks the types of one round, and the members of the round that carry the annotations of
   * restore ({@link Annotations#RESTORE}): those outside the state of a {@code @Chunk} type are
   * reported (rule 16); the others are checked with their type. So are the static and transient
   * fields that carry a declaration ({@link Annotations#DECLARATIONS}). The members that carry
   * {@code @WireValue} are checked too (rules 33 to 35), whether a field uses their enum or not.
   *
   * @param restoreMembers the elements that carry each of those annotations, by its name
   */
  public Report validate(
      Collection<TypeElement> chunkTypes,
      Collection<TypeElement> structTypes,
      Map<String, ? extends Collection<? extends Element>> restoreMembers) {
    Set<Problem> problems = new LinkedHashSet<>();
    for (var annotated : restoreMembers.entrySet()) {
      for (Element member : annotated.getValue()) {
        findings.begin();
        if (annotated.getKey().equals(Annotations.WIRE_VALUE)) {
          enumValues.annotated(member);
        } else if (annotated.getKey().equals(Annotations.CHUNK_BASE)) {
          targets.isBase(member);
        } else if (Annotations.DECLARATIONS.contains(annotated.getKey())) {
          restore.notState(member, annotated.getKey());
        } else {
          restore.misplaced(member, annotated.getKey());
        }
        problems.addAll(findings.problems());
      }
    }
    List<ClassModel> cleanStructs = new ArrayList<>();
    for (TypeElement struct : structTypes) {
      if (Annotations.has(struct, Annotations.CHUNK)) {
        continue; // reported as a chunk
      }
      ClassModel model = topLevel(problems, struct, () -> fieldTypes.struct(struct, null));
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
    dropDependentsOfBroken(candidates, broken);
    return new Report(List.copyOf(problems), candidates, cleanStructs, Set.copyOf(deferred));
  }

  /** Runs one type's check; its problems count only if the type is not deferred. */
  private <T> T topLevel(Set<Problem> problems, TypeElement type, Supplier<T> check) {
    findings.begin();
    T result = check.get();
    if (findings.deferred()) {
      deferred.add(type.getQualifiedName().toString());
      return null;
    }
    problems.addAll(findings.problems());
    return result;
  }

  /** A chunk whose sub-chunk type gets no codec this round gets none either. */
  private static void dropDependentsOfBroken(
      Map<TypeElement, ChunkModel> candidates, Set<String> broken) {
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
  }

  private static boolean dependsOn(ChunkModel chunk, Set<String> broken) {
    for (FieldModel field : chunk.type().subChunkFields()) {
      if (broken.contains(SubChunkUse.of(field.type()).type().qualifiedName())) {
        return true;
      }
    }
    return false;
  }

  private ChunkModel chunk(TypeElement type) {
    boolean ok = targets.notBothChunkAndStruct(type);
    String code = codes.code(type);
    if (!target(type, "Chunk")) {
      return null;
    }
    ok &= codes.codecName(type);
    List<FieldContext> contexts = new ArrayList<>();
    List<WireType> wires = new ArrayList<>();
    List<TypeElement> bases =
        type.getKind() == ElementKind.RECORD ? List.of() : access.bases(type);
    if (bases == null) {
      return null;
    }
    for (TypeElement base : bases) {
      ok &= codes.helperName(type, base);
    }
    ClassModel model = classModel(type, bases, false, contexts, wires);
    RestoreCheck.Result<String> key = restore.key(contexts, wires);
    RestoreCheck.Result<ChunkModel.Restore> hooks = restore.hooks(type, bases, key.value());
    ok &= key.ok() && hooks.ok();
    return ok && code != null && model != null
        ? new ChunkModel(code, model, hooks.value(), baseModel(bases, model, key.value()))
        : null;
  }

  /**
   * The nearest of {@code bases} (topmost first) as its helper sees it, with the bases above it;
   * null for none. Each holds the inline fields it declares, as {@code model} has them.
   */
  private BaseModel baseModel(List<TypeElement> bases, ClassModel model, String key) {
    BaseModel base = null;
    for (TypeElement declarer : bases) {
      Set<String> declared = new HashSet<>();
      for (VariableElement field : stateFields(declarer)) {
        declared.add(field.getSimpleName().toString());
      }
      List<FieldModel> own = new ArrayList<>();
      for (FieldModel field : model.inlineFields()) {
        if (declared.contains(field.name())) {
          own.add(field);
        }
      }
      base =
          new BaseModel(
              new ClassModel(names.javaName(declarer), ClassModel.Construction.MUTABLE_CLASS, own),
              declarer.getTypeParameters().size(),
              declared.contains(key) ? key : null,
              base);
    }
    return base;
  }

  /** A struct as a whole, for {@link FieldTypeCheck#struct}: null after a problem. */
  private ClassModel structModel(TypeElement type) {
    return target(type, "ChunkStruct")
        ? classModel(type, List.of(), true, new ArrayList<>(), new ArrayList<>())
        : null;
  }

  /** Rule 8, then whether the codec can name and create the type (rule 7). */
  private boolean target(TypeElement type, String annotation) {
    if (!targets.isTarget(type, annotation)) {
      return false;
    }
    boolean visible = targets.visibleToItsCodec(type);
    boolean concrete = access.concrete(type);
    return visible && concrete;
  }

  /**
   * The model of a chunk or struct type; null after a problem.
   *
   * @param bases the {@code @ChunkBase} superclasses of a chunk class, topmost first, whose
   *     fields come first (a struct has none, and no superclass with state)
   * @param contexts receives each state field
   * @param wires receives the wire type of each, null for a field with a problem
   */
  private ClassModel classModel(
      TypeElement type,
      List<TypeElement> bases,
      boolean inStruct,
      List<FieldContext> contexts,
      List<WireType> wires) {
    boolean ok = true;
    boolean record = type.getKind() == ElementKind.RECORD;
    if (!record) {
      ok &= access.hasConstructor(type);
      ok &= !inStruct || access.noInheritedState(type);
    }
    List<FieldModel> fields = new ArrayList<>();
    Map<String, String> subChunkOwners = new HashMap<>();
    Set<String> declaredSubChunks = new HashSet<>();
    Map<String, TypeElement> declaredBy = new HashMap<>();
    List<TypeElement> declarers = new ArrayList<>(bases);
    declarers.add(type);
    for (TypeElement declarer : declarers) {
      for (VariableElement field : stateFields(declarer)) {
        TypeElement hidden = declaredBy.putIfAbsent(field.getSimpleName().toString(), declarer);
        if (hidden != null) {
          findings.report(
              Problem.on(
                  field,
                  Message.BASE_FIELD_HIDDEN,
                  field.getSimpleName(),
                  Names.name(declarer),
                  Names.name(hidden)));
          ok = false;
          continue;
        }
        ok &=
            field(
                type,
                declarer,
                field,
                inStruct,
                contexts,
                wires,
                subChunkOwners,
                declaredSubChunks,
                fields);
      }
    }
    if (!ok) {
      return null;
    }
    return new ClassModel(
        names.javaName(type),
        record ? ClassModel.Construction.RECORD : ClassModel.Construction.MUTABLE_CLASS,
        fields);
  }

  /**
   * Checks one state field of {@code type}, declared by {@code declarer} (the type or one of its
   * bases), and adds its model to {@code fields}; whether it is clean.
   */
  private boolean field(
      TypeElement type,
      TypeElement declarer,
      VariableElement field,
      boolean inStruct,
      List<FieldContext> contexts,
      List<WireType> wires,
      Map<String, String> subChunkOwners,
      Set<String> declaredSubChunks,
      List<FieldModel> fields) {
    boolean ok = true;
    boolean record = type.getKind() == ElementKind.RECORD;
    FieldContext context = new FieldContext(field, type, inStruct);
    // A base's inline field is reached by the base's helper, in the base's package; its
    // sub-chunks by the codec of the class, in the class's.
    boolean inherited = declarer != type;
    FieldContext fromBase = inherited ? new FieldContext(field, declarer, false) : context;
    WireType wire = fieldTypes.wireType(fromBase);
    contexts.add(context);
    wires.add(wire);
    FieldContext reaching =
        wire != null && !FieldModel.travelsAsSubChunk(wire) ? fromBase : context;
    if (wire == null || !inStruct && !access.reachable(wire, reaching)) {
      return false;
    }
    ok &= fieldTypes.distinctSubChunk(wire, context, subChunkOwners, declaredSubChunks);
    Boolean unsigned = declarations.unsigned(context, wire);
    ok &= unsigned != null;
    Integer fixedLength = declarations.fixedLength(context, wire);
    ok &= fixedLength != null;
    RestoreCheck.Result<FieldModel.StaticCall> whenAbsent =
        inStruct ? new RestoreCheck.Result<>(null, true) : restore.whenAbsent(context, wire);
    AccessCheck.ReadWrite readWrite =
        record
            ? new AccessCheck.ReadWrite(Access.method(context.name()), Access.constructor())
            : access.fieldAccess(declarer, field, !inStruct);
    if (readWrite == null || !whenAbsent.ok()) {
      return false;
    }
    if (inherited && FieldModel.travelsAsSubChunk(wire)) {
      ok &= access.reachableSubChunk(type, declarer, field, readWrite);
    }
    fields.add(
        new FieldModel(
            context.name(),
            wire,
            readWrite.read(),
            readWrite.write(),
            whenAbsent.value(),
            Boolean.TRUE.equals(unsigned),
            fixedLength == null ? -1 : fixedLength));
    return ok;
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
}

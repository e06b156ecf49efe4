package io.chunkstate.processor.validation;

import static io.chunkstate.processor.validation.Names.name;

import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.FieldModel;
import io.chunkstate.processor.model.FieldModel.Access;
import io.chunkstate.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Rule 7: what the generated code must reach — a concrete class with a constructor it can call,
 * no state it cannot see, each field or its accessors, and the members of a struct from another
 * package.
 */
final class AccessCheck {
  private final Elements elements;
  private final Types types;
  private final Names names;
  private final Findings findings;
  private final TargetCheck targets;

  AccessCheck(
      Elements elements, Types types, Names names, Findings findings, TargetCheck targets) {
    this.elements = elements;
    this.types = types;
    this.names = names;
    this.findings = findings;
    this.targets = targets;
  }

  /** How the codec reads and sets one field. */
  record ReadWrite(Access read, Access write) {}

  /** An abstract class cannot be created. */
  boolean concrete(TypeElement type) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      findings.report(Problem.on(type, Message.ABSTRACT_TYPE, name(type)));
      return false;
    }
    return true;
  }

  /** A class needs a non-private constructor without parameters. */
  boolean hasConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    findings.report(Problem.on(type, Message.NO_CONSTRUCTOR, name(type)));
    return false;
  }

  /** A superclass may hold no instance state, which the codec would neither save nor restore. */
  boolean noInheritedState(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) types.asElement(superclass);
      if (parent.getQualifiedName().contentEquals("java.lang.Object")) {
        return true;
      }
      for (VariableElement field : ElementFilter.fieldsIn(parent.getEnclosedElements())) {
        Set<Modifier> modifiers = field.getModifiers();
        if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
          findings.report(
              Problem.on(
                  type,
                  Message.INHERITED_STATE,
                  name(type),
                  name(parent),
                  field.getSimpleName(),
                  "a struct holds its state in its own fields: move that state into "
                      + name(type) + ", or make the field transient"));
          return false;
        }
      }
      superclass = parent.getSuperclass();
    }
    return true;
  }

  /**
   * The {@code @ChunkBase} superclasses of a {@code @Chunk} class, topmost first; null after a
   * problem: a superclass with instance fields that is no base (rule 7), or a base in another
   * package whose hooks are not public (rule 37).
   */
  List<TypeElement> bases(TypeElement type) {
    List<TypeElement> bases = new ArrayList<>();
    boolean ok = true;
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) types.asElement(superclass);
      if (parent.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      if (Annotations.has(parent, Annotations.CHUNK_BASE)) {
        bases.add(0, parent);
        ok &= reachableBase(type, parent);
      } else {
        VariableElement field = firstStateField(parent);
        if (field != null) {
          findings.report(
              Problem.on(
                  type,
                  Message.INHERITED_STATE,
                  name(type),
                  name(parent),
                  field.getSimpleName(),
                  "annotate " + name(parent) + " with @ChunkBase to save its state before the"
                      + " subclass's, or make the field transient or static"));
          return null;
        }
      }
      superclass = parent.getSuperclass();
    }
    return ok ? bases : null;
  }

  /**
   * Rule 37: the codec, in the package of {@code type}, calls the hooks of {@code base}. Its inline
   * fields, its key among them, are reached by the base's helper, in the base's own package.
   */
  private boolean reachableBase(TypeElement type, TypeElement base) {
    if (names.packageOf(base).equals(names.packageOf(type))) {
      return true;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(base.getEnclosedElements())) {
      boolean hook =
          Annotations.has(method, Annotations.PRE_SAVE)
              || Annotations.has(method, Annotations.POST_LOAD);
      if (hook && !method.getModifiers().contains(Modifier.PUBLIC)) {
        return baseUnreachable(type, base, "hook " + method.getSimpleName() + "()");
      }
    }
    return true;
  }

  /**
   * Rule 37: a sub-chunk field of {@code base}, in another package than {@code type}, is read and
   * set by the codec of {@code type}, so through a public field or public accessors.
   */
  boolean reachableSubChunk(
      TypeElement type, TypeElement base, VariableElement field, ReadWrite access) {
    if (names.packageOf(base).equals(names.packageOf(type))) {
      return true;
    }
    for (Access way : List.of(access.read(), access.write())) {
      boolean open =
          switch (way.kind()) {
            case FIELD, IN_PLACE -> field.getModifiers().contains(Modifier.PUBLIC);
            case METHOD -> isPublicMethod(base, way.member());
            case CONSTRUCTOR -> true;
          };
      if (!open) {
        return baseUnreachable(
            type,
            base,
            way.kind() == Access.Kind.METHOD
                ? "method " + way.member() + "() of sub-chunk field '" + field.getSimpleName() + "'"
                : "sub-chunk field '" + field.getSimpleName() + "'");
      }
    }
    return true;
  }

  private boolean baseUnreachable(TypeElement type, TypeElement base, String hidden) {
    findings.report(
        Problem.on(
            type,
            Message.BASE_UNREACHABLE,
            name(type),
            name(base),
            hidden,
            names.packageOf(type),
            names.packageOf(base)));
    return false;
  }

  private static VariableElement firstStateField(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
        return field;
      }
    }
    return null;
  }

  /**
   * How the codec reads and sets a field of a class; null after a problem.
   *
   * @param inPlace whether a final array without a setter is filled in place (a {@code @Chunk}
   *     class, which {@code apply} restores), rather than unreachable (a struct, always replaced)
   */
  ReadWrite fieldAccess(TypeElement type, VariableElement field, boolean inPlace) {
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
    if (write == null && inPlace && isFinal && field.asType().getKind() == TypeKind.ARRAY) {
      write = Access.inPlace();
    }
    if (read != null && write != null) {
      return new ReadWrite(read, write);
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
    findings.report(
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

  /**
   * What a chunk's field embeds: the codec, in the chunk's package, has the code for every struct
   * and enum inline in it, nested ones included, so each must be visible from there, and a struct
   * class from another package must have public members where the codec uses them. A struct
   * checks its own fields from its own package; this checks them from the chunk's.
   */
  boolean reachable(WireType wire, FieldContext field) {
    return wire.accept(new Reachable(field));
  }

  private final class Reachable implements WireType.Visitor<Boolean> {
    private final FieldContext field;

    Reachable(FieldContext field) {
      this.field = field;
    }

    @Override
    public Boolean visitPrimitive(WireType.Primitive type) {
      return true;
    }

    @Override
    public Boolean visitBoxed(WireType.Boxed type) {
      return true;
    }

    @Override
    public Boolean visitText(WireType.Text type) {
      return true;
    }

    @Override
    public Boolean visitEnum(WireType.EnumType type) {
      return targets.visible(names.typeElement(type.name()), field);
    }

    @Override
    public Boolean visitPrimitiveArray(WireType.PrimitiveArray type) {
      return true;
    }

    @Override
    public Boolean visitBits(WireType.Bits type) {
      return true;
    }

    @Override
    public Boolean visitArrayOf(WireType.ArrayOf type) {
      return type.element().accept(this);
    }

    @Override
    public Boolean visitListOf(WireType.ListOf type) {
      return type.element().accept(this);
    }

    @Override
    public Boolean visitStruct(WireType.Struct type) {
      TypeElement struct = names.typeElement(type.type().name());
      if (!targets.visible(struct, field)) {
        return false;
      }
      String from = names.packageOf(field.owner());
      if (!names.packageOf(struct).equals(from)) {
        String member = nonPublicMember(struct, type.type());
        if (member != null) {
          findings.report(
              Problem.on(
                  field.element(),
                  Message.INACCESSIBLE_MEMBER,
                  field.name(),
                  name(struct),
                  member,
                  from,
                  name(struct)));
          return false;
        }
      }
      for (FieldModel member : type.type().fields()) {
        if (!member.type().accept(this)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Boolean visitSubChunk(WireType.SubChunk type) {
      return true; // its own codec, in its own package, reads it
    }

    @Override
    public Boolean visitSubChunkList(WireType.SubChunkList type) {
      return true;
    }

    @Override
    public Boolean visitDeclaredSubChunk(WireType.DeclaredSubChunk type) {
      return visitStruct(new WireType.Struct(type.type())); // inline in the codec, as a struct
    }
  }

  /** The first member of a struct class that its codec uses and that is not public, or null. */
  private String nonPublicMember(TypeElement struct, ClassModel model) {
    if (model.construction() != ClassModel.Construction.MUTABLE_CLASS) {
      return null; // a public record's accessors and canonical constructor are public
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(struct.getEnclosedElements())) {
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
}

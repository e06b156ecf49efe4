package io.chunkstate.processor.validation;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: a stable id, the rule of SPEC §6 it enforces (or one of
 * the rules beyond it that docs/PROCESSOR.md states), its kind (error or warning), and a text
 * that says what was found and how to fix it. The printed message is {@code [id] text}.
 */
public enum Message {
  /** Rule 1. */
  CODE_FORMAT(
      "chunk.code-format",
      1,
      Diagnostic.Kind.ERROR,
      "'%s' is not a chunk type code: a code is exactly four ASCII letters (A-Z, a-z); use four"
          + " letters, such as 'PcIs'"),
  /** Rule 2. */
  RESERVED_BIT(
      "chunk.reserved-bit",
      2,
      Diagnostic.Kind.ERROR,
      "'%s' sets the reserved bit: its third letter '%s' is lowercase, and a reader treats such a"
          + " chunk as unknown; use the uppercase letter, '%s'"),
  /** Rule 3. */
  FORMAT_CODE(
      "chunk.format-code",
      3,
      Diagnostic.Kind.ERROR,
      "'%s' is reserved by the format (CHDR, CEND and dESc are the stream's own chunks); choose"
          + " another code"),
  /** Rule 4. */
  PUBLIC_CODE(
      "chunk.public-code",
      4,
      Diagnostic.Kind.ERROR,
      "'%s' is a public type code, and public codes belong to a @ChunkAuthority package; use the"
          + " private spelling '%s'"),
  /** Rule 5. */
  DUPLICATE_CODE(
      "chunk.duplicate-code",
      5,
      Diagnostic.Kind.ERROR,
      "'%s' is already the code of %s, and a reader could not tell the two types apart; choose"
          + " another code for one of them"),
  /** Rule 6. */
  UNSUPPORTED_TYPE(
      "chunk.unsupported-type",
      6,
      Diagnostic.Kind.ERROR,
      "field '%s' has type %s, which SPEC §4 cannot encode; use a primitive, a boxed primitive,"
          + " String, an enum, a java.util.BitSet, an array or List of those, or a @Chunk or"
          + " @ChunkStruct type"),
  /** Rule 6: a sub-chunk type where only an inline value fits. */
  SUB_CHUNK_CONTAINER(
      "chunk.sub-chunk-container",
      6,
      Diagnostic.Kind.ERROR,
      "field '%s' has type %s, but @Chunk type %s travels as a sub-chunk, which only a field, a"
          + " List<%s> or an array %s[] can hold, not a nested array or list; use one of those"),
  /** Rule 6: an array whose elements are parameterized. */
  GENERIC_ARRAY(
      "chunk.generic-array",
      6,
      Diagnostic.Kind.ERROR,
      "field '%s' has type %s, an array of a parameterized type, which cannot be created when"
          + " decoding; use List<%s>"),
  /** Rule 7: a field without the access the codec needs. */
  UNREACHABLE_FIELD(
      "chunk.unreachable-field",
      7,
      Diagnostic.Kind.ERROR,
      "field '%s' is %s, and %s has no non-private %s, so the generated codec cannot %s it; %s"),
  /** Rule 7: a class without a usable constructor. */
  NO_CONSTRUCTOR(
      "chunk.no-constructor",
      7,
      Diagnostic.Kind.ERROR,
      "%s has no non-private constructor without parameters, so the generated codec cannot"
          + " create one; add one, or make the type a record"),
  /** Rule 7: an abstract class. */
  ABSTRACT_TYPE(
      "chunk.abstract-type",
      7,
      Diagnostic.Kind.ERROR,
      "%s is abstract, so the generated codec cannot create one; annotate a concrete class or a"
          + " record"),
  /** Rule 7: a type the codec's package cannot see. */
  INACCESSIBLE_TYPE(
      "chunk.inaccessible-type",
      7,
      Diagnostic.Kind.ERROR,
      "%s is %s, so the generated codec in package '%s' cannot use it; make it %s"),
  /** Rule 7: a member of a struct in another package that the chunk's codec must use. */
  INACCESSIBLE_MEMBER(
      "chunk.inaccessible-member",
      7,
      Diagnostic.Kind.ERROR,
      "field '%s' embeds %s, whose %s is not public, so the generated codec in package '%s'"
          + " cannot reach it; make it public, or make %s a record"),
  /** Rule 7: a superclass with state the codec would not see. */
  INHERITED_STATE(
      "chunk.inherited-state",
      7,
      Diagnostic.Kind.ERROR,
      "%s extends %s, whose instance field '%s' the generated codec would neither save nor"
          + " restore; %s"),
  /** Rule 8. */
  TARGET(
      "chunk.target",
      8,
      Diagnostic.Kind.ERROR,
      "@%s is on %s %s, but it belongs on a top-level or static nested record or class; move it"
          + " to one"),
  /** Rule 8: an inner class. */
  INNER_CLASS(
      "chunk.inner-class",
      8,
      Diagnostic.Kind.ERROR,
      "%s is an inner class, which cannot be created without an enclosing instance; make it"
          + " static"),
  /** Rule 8: type parameters. */
  GENERIC_TYPE(
      "chunk.generic-type",
      8,
      Diagnostic.Kind.ERROR,
      "%s declares type parameters, but a chunk's layout is fixed and cannot depend on them;"
          + " remove them"),
  /** Rule 8: both annotations. */
  CHUNK_AND_STRUCT(
      "chunk.chunk-and-struct",
      8,
      Diagnostic.Kind.ERROR,
      "%s is annotated both @Chunk and @ChunkStruct; keep @Chunk for a chunk of its own, or"
          + " @ChunkStruct to embed it inline"),
  /** Rule 9. */
  STRUCT_CYCLE(
      "chunk.struct-cycle",
      9,
      Diagnostic.Kind.ERROR,
      "field '%s' embeds %s inline, which contains itself inline (%s), directly or through an"
          + " array or List, so its inline layout would never end; make one type of the cycle a"
          + " @Chunk, so that it travels as a sub-chunk"),
  /** Rule 10. */
  DUPLICATE_SUB_CHUNK(
      "chunk.duplicate-sub-chunk",
      10,
      Diagnostic.Kind.ERROR,
      "fields '%s' and '%s' both hold sub-chunks of type '%s', and a reader could not tell them"
          + " apart; merge them into one List field, or give one of the types another code"),
  /** Rule 11. */
  CHUNK_IN_STRUCT(
      "chunk.chunk-in-struct",
      11,
      Diagnostic.Kind.ERROR,
      "field '%s' of @ChunkStruct %s has @Chunk type %s, but sub-chunks belong to chunks, and a"
          + " struct is inline data; make %s a @Chunk, or the field's type a @ChunkStruct"),
  /** Rule 12 (docs/PROCESSOR.md, rules beyond SPEC §6): two types, one codec name. */
  CODEC_NAME_CLASH(
      "chunk.codec-name-clash",
      12,
      Diagnostic.Kind.ERROR,
      "the codec of %s would be %s, which is already the codec of %s (a nested type's codec"
          + " joins its names with '_'), and one name cannot hold two classes; rename one of the"
          + " two types"),
  /** Rule 13 (docs/PROCESSOR.md, rules beyond SPEC §6): a codec whose file name is too long. */
  NAME_TOO_LONG(
      "chunk.name-too-long",
      13,
      Diagnostic.Kind.ERROR,
      "%s has too long a name: its codec %s needs file names of up to %d bytes (with"
          + " '$Values.class' for a large state), but a file name may have %d; shorten the type's"
          + " name%s to at most %d bytes of UTF-8, here %d"),
  /** Rule 14 (docs/PROCESSOR.md): a key whose type a restore cannot compare as a key. */
  KEY_TYPE(
      "chunk.key-type",
      14,
      Diagnostic.Kind.ERROR,
      "field '%s' is the @ChunkKey of %s, but has type %s; a key is an inline String, byte, short,"
          + " char, int or long, or a boxed one, whose values a restore compares with equals; put"
          + " @ChunkKey on such a field"),
  /** Rule 15 (docs/PROCESSOR.md): two keys. */
  DUPLICATE_KEY(
      "chunk.duplicate-key",
      15,
      Diagnostic.Kind.ERROR,
      "fields '%s' and '%s' of %s are both marked @ChunkKey, but a type has one key; keep it on"
          + " one field"),
  /** Rule 16 (docs/PROCESSOR.md): a restore annotation outside the state of a chunk. */
  MISPLACED_ANNOTATION(
      "chunk.misplaced-annotation",
      16,
      Diagnostic.Kind.ERROR,
      "@%s is on %s, which %s, so no generated codec would use it; %s"),
  /** Rule 17 (docs/PROCESSOR.md): a hook that is not an instance method of no parameters. */
  HOOK_SIGNATURE(
      "chunk.hook-signature",
      17,
      Diagnostic.Kind.ERROR,
      "@%s method %s of %s %s, but the codec calls a hook as state.%s() on each instance; make it"
          + " an instance method without parameters that returns void"),
  /** Rule 18 (docs/PROCESSOR.md): a hook the codec cannot call. */
  HOOK_VISIBILITY(
      "chunk.hook-visibility",
      18,
      Diagnostic.Kind.ERROR,
      "@%s method %s of %s is private, so the generated codec in package '%s' cannot call it;"
          + " make it package-private, protected or public"),
  /** Rule 19 (docs/PROCESSOR.md): two hooks of one kind. */
  DUPLICATE_HOOK(
      "chunk.duplicate-hook",
      19,
      Diagnostic.Kind.ERROR,
      "methods %s and %s of %s are both marked @%s, but a type has one hook of each kind; call"
          + " one from the other"),
  /** Rule 20 (docs/PROCESSOR.md): a value for an absent sub-chunk on a field that is not one. */
  ABSENT_FIELD(
      "chunk.absent-field",
      20,
      Diagnostic.Kind.ERROR,
      "field '%s' has @WhenAbsent, but %s; only a field that holds one sub-chunk (its type a"
          + " @Chunk type) can be absent from a stream; remove @WhenAbsent"),
  /** Rule 21 (docs/PROCESSOR.md): the method that gives the value does not exist. */
  ABSENT_MISSING(
      "chunk.absent-missing",
      21,
      Diagnostic.Kind.ERROR,
      "field '%s' has @WhenAbsent(\"%s\"), but neither %s nor %s declares a method named %s; add"
          + " static %s %s() to %s"),
  /** Rule 22 (docs/PROCESSOR.md): the method that gives the value does not fit. */
  ABSENT_METHOD(
      "chunk.absent-method",
      22,
      Diagnostic.Kind.ERROR,
      "field '%s' has @WhenAbsent(\"%s\"), but %s.%s %s; the generated codec calls it as"
          + " %s.%s() for the field's value, so it must be static, take no parameters, return %s,"
          + " and be reachable from package '%s' (not private; public in another package)"),
  /**
   * Rule 23 (docs/COMPATIBILITY.md, the compile-time gate): a change that breaks a reader of the
   * baseline, the registry of the last release.
   */
  COMPAT_BREAKING(
      "chunk.compat-breaking",
      23,
      Diagnostic.Kind.ERROR,
      "%s breaks rule %s against the baseline: %s; fix: %s"),
  /** Rule 23: a difference from the baseline that breaks no reader, worth a look. */
  COMPAT_NOTE(
      "chunk.compat-note",
      23,
      Diagnostic.Kind.WARNING,
      "%s differs from the baseline by rule %s, which breaks no reader: %s; if it is meant,"
          + " nothing needs fixing (-Achunkstate.baseline.notes=silent silences notes)"),
  /** Rule 23: a baseline that cannot be read. */
  COMPAT_BASELINE(
      "chunk.compat-baseline",
      23,
      Diagnostic.Kind.ERROR,
      "the baseline %s (option chunkstate.baseline) cannot be read: %s; give the path of the"
          + " registry.json of the last release (META-INF/chunkstate/registry.json in its jar)"),
  /** Rule 23: an option of the gate with a value it does not take. */
  COMPAT_OPTION(
      "chunk.compat-option",
      23,
      Diagnostic.Kind.ERROR,
      "option %s is '%s', but takes %s; use one of those"),
  /** Rule 24 (docs/PROCESSOR.md): {@code @Unsigned} on a field that holds no integers. */
  UNSIGNED_TYPE(
      "chunk.unsigned-type",
      24,
      Diagnostic.Kind.ERROR,
      "field '%s' is @Unsigned, but has type %s; only byte, short, int and long, boxed or not, and"
          + " arrays and Lists of them, hold integers that can be unsigned (char is unsigned"
          + " already); remove @Unsigned"),
  /** Rule 25 (docs/PROCESSOR.md): {@code @FixedLength} on a field that has no length. */
  FIXED_LENGTH_TYPE(
      "chunk.fixed-length-type",
      25,
      Diagnostic.Kind.ERROR,
      "field '%s' has @FixedLength(%d), but has type %s; only an array or a String has a length"
          + " to hold its values to; remove @FixedLength"),
  /** Rule 26 (docs/PROCESSOR.md): a negative {@code @FixedLength}. */
  FIXED_LENGTH_NEGATIVE(
      "chunk.fixed-length-negative",
      26,
      Diagnostic.Kind.ERROR,
      "field '%s' has @FixedLength(%d), but no value has a negative length; declare the length"
          + " its values have, 0 or more"),
  /** Rule 27 (docs/PROCESSOR.md): {@code @SubChunk} where no struct travels as a sub-chunk. */
  SUB_CHUNK_TYPE(
      "chunk.sub-chunk-type",
      27,
      Diagnostic.Kind.ERROR,
      "field '%s' has @SubChunk(\"%s\"), but %s; only a field of a @Chunk type whose type is a"
          + " @ChunkStruct travels as a sub-chunk of a code it declares; %s"),
  /** Rule 28 (docs/PROCESSOR.md): a declared sub-chunk code that is not four letters. */
  SUB_CHUNK_CODE_FORMAT(
      "chunk.sub-chunk-code-format",
      28,
      Diagnostic.Kind.ERROR,
      "field '%s' declares sub-chunk code '%s', which is not a chunk type code: a code is exactly"
          + " four ASCII letters"),
  /** Rule 29 (docs/PROCESSOR.md): a declared sub-chunk code with the reserved bit set. */
  SUB_CHUNK_RESERVED_BIT(
      "chunk.sub-chunk-reserved-bit",
      29,
      Diagnostic.Kind.ERROR,
      "field '%s' declares sub-chunk code '%s', which sets the reserved bit: its third letter '%s'"
          + " is lowercase, and a reader treats such a chunk as unknown; use the uppercase letter,"
          + " '%s'"),
  /** Rule 30 (docs/PROCESSOR.md): a declared sub-chunk code that the format reserves. */
  SUB_CHUNK_FORMAT_CODE(
      "chunk.sub-chunk-format-code",
      30,
      Diagnostic.Kind.ERROR,
      "field '%s' declares sub-chunk code '%s', which is reserved by the format (CHDR, CEND and"
          + " dESc are its own chunks); declare another code"),
  /** Rule 31 (docs/PROCESSOR.md): a public declared sub-chunk code outside an authority. */
  SUB_CHUNK_PUBLIC_CODE(
      "chunk.sub-chunk-public-code",
      31,
      Diagnostic.Kind.ERROR,
      "field '%s' declares sub-chunk code '%s', a public code, and public codes belong to a"
          + " @ChunkAuthority package; use the private spelling '%s'"),
  /** Rule 32 (docs/PROCESSOR.md): a declared sub-chunk code that another field's has. */
  SUB_CHUNK_COLLISION(
      "chunk.sub-chunk-collision",
      32,
      Diagnostic.Kind.ERROR,
      "fields '%s' and '%s' of %s both travel as sub-chunks of code '%s', and a reader could not"
          + " tell them apart; declare another code for '%s'"),
  /** Rule 33 (docs/PROCESSOR.md): some constants of an enum declare a value, others do not. */
  WIRE_VALUE_PARTIAL(
      "chunk.wire-value-partial",
      33,
      Diagnostic.Kind.ERROR,
      "enum %s declares a @WireValue on %s but not on %s; an enum travels by value only when"
          + " every constant declares one; add @WireValue to %3$s, or remove it from every"
          + " constant"),
  /** Rule 34 (docs/PROCESSOR.md): two constants of an enum declare the same value. */
  WIRE_VALUE_DUPLICATE(
      "chunk.wire-value-duplicate",
      34,
      Diagnostic.Kind.ERROR,
      "constants %s and %s of enum %s both declare @WireValue(%d), and a reader could not tell"
          + " them apart; give %s a value of its own"),
  /** Rule 35 (docs/PROCESSOR.md): {@code @WireValue} on something other than an enum constant. */
  WIRE_VALUE_TARGET(
      "chunk.wire-value-target",
      35,
      Diagnostic.Kind.ERROR,
      "@WireValue is on %s, which is not an enum constant; only an enum's constants declare the"
          + " values it travels as; remove it, or move it to an enum constant"),
  /** Rule 36 (docs/PROCESSOR.md): {@code @ChunkBase} on something other than a class. */
  BASE_TARGET(
      "chunk.base-target",
      36,
      Diagnostic.Kind.ERROR,
      "@ChunkBase is on %s %s, but a base is a class whose fields its @Chunk subclasses save;"
          + " remove it, or make %2$s a class"),
  /** Rule 12: two bases whose helpers would have one name. */
  BASE_HELPER_CLASH(
      "chunk.base-helper-clash",
      12,
      Diagnostic.Kind.ERROR,
      "the helper of @ChunkBase %s, which %s extends, would be %s, which is already the helper of"
          + " %s (a nested type's helper joins its names with '_'), and one name cannot hold two"
          + " classes; rename one of the two bases"),
  /**
   * Rule 37 (docs/PROCESSOR.md): a base in another package whose sub-chunk field or hook the
   * subclass's codec cannot reach (its inline fields are reached by its helper).
   */
  BASE_UNREACHABLE(
      "chunk.base-unreachable",
      37,
      Diagnostic.Kind.ERROR,
      "%s extends @ChunkBase %s, whose %s is not public, and the codec of %1$s in package '%s'"
          + " cannot reach it from another package; make it public, or declare %1$s in package"
          + " '%s'"),
  /** Rule 38 (docs/PROCESSOR.md): a field named like a field of a base above it. */
  BASE_FIELD_HIDDEN(
      "chunk.base-field-hidden",
      38,
      Diagnostic.Kind.ERROR,
      "field '%s' of %s hides field '%1$s' of its @ChunkBase %s, and a chunk's fields need names"
          + " of their own (the codec would reach only one of them); rename one of the two"),
  /**
   * Rule 41 (docs/PROCESSOR.md, "Module path"): a named module whose {@code provides
   * io.chunkstate.ChunkCodec} clause is missing, leaves out a generated codec, or lists a codec
   * this compilation should generate but does not.
   */
  MODULE_PROVIDES(
      "chunk.module-provides",
      41,
      Diagnostic.Kind.ERROR,
      "module %s %s; on the module path ServiceLoader sees only the codecs a module provides;"
          + " %s: %s"),
  /**
   * Rule 42 (docs/PROCESSOR.md, "Module path"): a named module that does not read the runtime at
   * run time, which its generated codecs need.
   */
  MODULE_REQUIRES(
      "chunk.module-requires",
      42,
      Diagnostic.Kind.ERROR,
      "module %s %s, but the codecs this compilation generates for it use io.chunkstate.runtime"
          + " %s; %s: requires io.chunkstate.runtime;"),
  /** A failure of the processor itself. */
  INTERNAL_ERROR(
      "chunk.internal-error",
      0,
      Diagnostic.Kind.ERROR,
      "the chunkstate processor failed unexpectedly (%s); the code for this compilation is"
          + " incomplete. Please report this with the stack trace:%n%s");

  private final String id;
  private final int rule;
  private final Diagnostic.Kind kind;
  private final String template;

  Message(String id, int rule, Diagnostic.Kind kind, String template) {
    this.id = id;
    this.rule = rule;
    this.kind = kind;
    this.template = template;
  }

  /** The stable id, printed in brackets at the start of the message: {@code chunk.public-code}. */
  public String id() {
    return id;
  }

  /**
   * The number of the SPEC §6 rule this message enforces, 12 and up for the rules that
   * docs/PROCESSOR.md adds beyond SPEC §6; 0 for {@link #INTERNAL_ERROR}.
   */
  public int rule() {
    return rule;
  }

  /**
   * How the compiler reports the message. A schema that breaks a rule gets no code. A warning ({@link
   * #COMPAT_NOTE}: a compatible change worth a look) reports and generates.
   */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The printed text: {@code [id]} and the template filled with {@code args}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}

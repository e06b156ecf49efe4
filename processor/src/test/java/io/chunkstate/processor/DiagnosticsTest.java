package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.chunkstate.processor.validation.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One negative test per diagnostic: each source under {@code bad/} breaks one rule, and gets
 * exactly one error, with that message's id, in that file, on that line.
 */
class DiagnosticsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(Message.CODE_FORMAT, "CodeFormat", "@Chunk(\"PcI\")", "'PcI'"),
        bad(Message.RESERVED_BIT, "ReservedBit", "@Chunk(\"Pcis\")", "use the uppercase letter, 'I'"),
        bad(Message.FORMAT_CODE, "FormatCode", "@Chunk(\"CEND\")", "'CEND'"),
        bad(
            Message.PUBLIC_CODE,
            "PublicCode",
            "@Chunk(\"PCIs\")",
            "[chunk.public-code] 'PCIs' is a public type code, and public codes belong to a"
                + " @ChunkAuthority package; use the private spelling 'PcIs'"),
        bad(Message.DUPLICATE_CODE, "DuplicateCode", "/* again */", "bad.DuplicateCode.First"),
        bad(Message.UNSUPPORTED_TYPE, "UnsupportedType", "Object anything", "java.lang.Object"),
        bad(
            Message.SUB_CHUNK_CONTAINER,
            "SubChunkContainer",
            "List<Child[]> children",
            "a List<Child> or an array Child[] can hold, not a nested array or list"),
        bad(Message.GENERIC_ARRAY, "GenericArray", "List<String>[] lists", "use List<"),
        bad(Message.UNREACHABLE_FIELD, "UnreachableField", "private int hidden", "setHidden(int)"),
        bad(Message.NO_CONSTRUCTOR, "NoConstructor", "class NoConstructor", "bad.NoConstructor"),
        bad(Message.ABSTRACT_TYPE, "AbstractType", "abstract class", "bad.AbstractType"),
        bad(Message.INACCESSIBLE_TYPE, "InaccessibleType", "private record Hidden", "private"),
        bad(
            Message.INACCESSIBLE_TYPE,
            "ForeignEnum",
            "List<other.Tinted> tints",
            "other.Tint is not public, and in another package",
            "other/Tinted"),
        bad(
            Message.INACCESSIBLE_MEMBER,
            "ForeignStruct",
            "other.Foreign foreign",
            "[chunk.inaccessible-member] field 'foreign' embeds other.Foreign, whose field 'hidden'"
                + " is not public",
            "other/Foreign"),
        bad(
            Message.INHERITED_STATE,
            "InheritedState",
            "class InheritedState",
            "[chunk.inherited-state] bad.InheritedState extends bad.Base, whose instance field"
                + " 'inherited' the generated codec would neither save nor restore; annotate"
                + " bad.Base with @ChunkBase to save its state before the subclass's, or make the"
                + " field transient or static"),
        bad(Message.TARGET, "Target", "interface Target", "interface bad.Target"),
        bad(Message.INNER_CLASS, "InnerClass", "class Inner {", "make it static"),
        bad(Message.GENERIC_TYPE, "GenericType", "record GenericType", "type parameters"),
        bad(Message.CHUNK_AND_STRUCT, "ChunkAndStruct", "record ChunkAndStruct", "both"),
        bad(
            Message.STRUCT_CYCLE,
            "StructCycle",
            "Outer back",
            "bad.StructCycle.Outer -> bad.StructCycle.Inner -> bad.StructCycle.Outer"),
        bad(
            Message.STRUCT_CYCLE,
            "ListCycle",
            "List<ListCycle> children",
            "bad.ListCycle -> bad.ListCycle"),
        bad(Message.DUPLICATE_SUB_CHUNK, "DuplicateSubChunk", "record DuplicateSubChunk", "'chLd'"),
        bad(Message.CHUNK_IN_STRUCT, "ChunkInStruct", "record ChunkInStruct", "sub-chunks belong"),
        bad(
            Message.CODEC_NAME_CLASH,
            "CodecNameClash",
            "record Card",
            "[chunk.codec-name-clash] the codec of bad.Net.Card would be bad.Net_CardChunkCodec,"
                + " which is already the codec of bad.Net_Card"),
        bad(
            Message.BASE_HELPER_CLASH,
            "BaseHelperClash",
            "// clash",
            "[chunk.base-helper-clash] the helper of @ChunkBase bad.Bus.Port, which"
                + " bad.Bus.Parallel extends, would be bad.Bus_PortChunkBase, which is already the"
                + " helper of bad.Bus_Port"),
        bad(
            Message.NAME_TOO_LONG,
            "NameTooLong",
            "record Long",
            "shorten the type's name to at most 232 bytes of UTF-8, here 233"),
        bad(
            Message.KEY_TYPE,
            "KeyType",
            "double frequency",
            "[chunk.key-type] field 'frequency' is the @ChunkKey of bad.KeyType, but has type"
                + " double"),
        bad(
            Message.DUPLICATE_KEY,
            "DuplicateKey",
            "int slot",
            "fields 'address' and 'slot' of bad.DuplicateKey are both marked @ChunkKey"),
        bad(
            Message.MISPLACED_ANNOTATION,
            "MisplacedAnnotation",
            "record MisplacedAnnotation",
            "[chunk.misplaced-annotation] @ChunkKey is on field 'id' of bad.MisplacedAnnotation,"
                + " which belongs to a @ChunkStruct"),
        bad(
            Message.MISPLACED_ANNOTATION,
            "MisplacedDeclaration",
            "// static",
            "[chunk.misplaced-annotation] @Unsigned is on field 'counter' of"
                + " bad.MisplacedDeclaration, which is static, and so not state, so no generated"
                + " codec would use it; remove it, or make the field an instance field"),
        bad(
            Message.HOOK_SIGNATURE,
            "HookSignature",
            "boolean check",
            "@PostLoad method check(int) of bad.HookSignature takes parameters"),
        bad(
            Message.HOOK_VISIBILITY,
            "HookVisibility",
            "private void flush",
            "@PreSave method flush() of bad.HookVisibility is private"),
        bad(
            Message.DUPLICATE_HOOK,
            "DuplicateHook",
            "void check",
            "methods rebuild() and check() of bad.DuplicateHook are both marked @PostLoad"),
        bad(
            Message.ABSENT_FIELD,
            "AbsentField",
            "record Tree",
            "field 'leaves' has @WhenAbsent, but it holds a List of sub-chunks"),
        bad(
            Message.ABSENT_MISSING,
            "AbsentMissing",
            "record Rng",
            "neither bad.AbsentMissing.Rng nor bad.AbsentMissing.Seed declares a method named"
                + " reseed; add static bad.AbsentMissing.Seed reseed() to bad.AbsentMissing.Rng"),
        bad(
            Message.ABSENT_METHOD,
            "AbsentMethod",
            "record Rng",
            "but bad.AbsentMethod.Rng.reseed() is not static"),
        bad(
            Message.UNSIGNED_TYPE,
            "UnsignedType",
            "record UnsignedType",
            "[chunk.unsigned-type] field 'ratio' is @Unsigned, but has type float; only byte,"
                + " short, int and long, boxed or not, and arrays and Lists of them, hold integers"
                + " that can be unsigned (char is unsigned already); remove @Unsigned"),
        bad(
            Message.FIXED_LENGTH_TYPE,
            "FixedLengthType",
            "record FixedLengthType",
            "[chunk.fixed-length-type] field 'octets' has @FixedLength(4), but has type"
                + " java.util.List<java.lang.Byte>; only an array or a String has a length to hold"
                + " its values to; remove @FixedLength"),
        bad(
            Message.FIXED_LENGTH_NEGATIVE,
            "FixedLengthNegative",
            "record FixedLengthNegative",
            "[chunk.fixed-length-negative] field 'config' has @FixedLength(-1), but no value has a"
                + " negative length; declare the length its values have, 0 or more"),
        bad(
            Message.SUB_CHUNK_TYPE,
            "SubChunkType",
            "int count",
            "[chunk.sub-chunk-type] field 'count' has @SubChunk(\"coNt\"), but its type int is"
                + " not a @ChunkStruct type; only a field of a @Chunk type whose type is a"
                + " @ChunkStruct travels as a sub-chunk of a code it declares; give the field a"
                + " @ChunkStruct type, or remove @SubChunk"),
        bad(
            Message.SUB_CHUNK_CODE_FORMAT,
            "SubChunkCodeFormat",
            "@SubChunk(\"rx\")",
            "[chunk.sub-chunk-code-format] field 'rx' declares sub-chunk code 'rx', which is not"
                + " a chunk type code: a code is exactly four ASCII letters"),
        bad(
            Message.SUB_CHUNK_RESERVED_BIT,
            "SubChunkReservedBit",
            "@SubChunk(\"rxff\")",
            "[chunk.sub-chunk-reserved-bit] field 'rx' declares sub-chunk code 'rxff', which sets"
                + " the reserved bit: its third letter 'f' is lowercase, and a reader treats such"
                + " a chunk as unknown; use the uppercase letter, 'F'"),
        bad(
            Message.SUB_CHUNK_FORMAT_CODE,
            "SubChunkFormatCode",
            "@SubChunk(\"dESc\")",
            "[chunk.sub-chunk-format-code] field 'rx' declares sub-chunk code 'dESc', which is"
                + " reserved by the format (CHDR, CEND and dESc are its own chunks); declare"
                + " another code"),
        bad(
            Message.SUB_CHUNK_PUBLIC_CODE,
            "SubChunkPublicCode",
            "@SubChunk(\"rXFf\")",
            "[chunk.sub-chunk-public-code] field 'rx' declares sub-chunk code 'rXFf', a public"
                + " code, and public codes belong to a @ChunkAuthority package; use the private"
                + " spelling 'rxFf'"),
        bad(
            Message.SUB_CHUNK_COLLISION,
            "SubChunkCollision",
            "Fifo tx",
            "[chunk.sub-chunk-collision] fields 'rx' and 'tx' of bad.SubChunkCollision both"
                + " travel as sub-chunks of code 'fiFo', and a reader could not tell them apart;"
                + " declare another code for 'tx'"),
        bad(
            Message.WIRE_VALUE_PARTIAL,
            "WireValuePartial",
            "enum Speed",
            "[chunk.wire-value-partial] enum bad.WireValuePartial.Speed declares a @WireValue on"
                + " TEN, GBIT but not on HUNDRED, OFF; an enum travels by value only when every"
                + " constant declares one; add @WireValue to HUNDRED, OFF, or remove it from every"
                + " constant"),
        bad(
            Message.WIRE_VALUE_DUPLICATE,
            "WireValueDuplicate",
            "@WireValue(1) GBIT",
            "[chunk.wire-value-duplicate] constants TEN and GBIT of enum"
                + " bad.WireValueDuplicate.Speed both declare @WireValue(1), and a reader could"
                + " not tell them apart; give GBIT a value of its own"),
        bad(
            Message.WIRE_VALUE_TARGET,
            "WireValueTarget",
            "@WireValue(1) static final int GBIT",
            "[chunk.wire-value-target] @WireValue is on field 'GBIT' of bad.WireValueTarget,"
                + " which is not an enum constant; only an enum's constants declare the values it"
                + " travels as; remove it, or move it to an enum constant"),
        bad(
            Message.BASE_TARGET,
            "BaseTarget",
            "record BaseTarget",
            "[chunk.base-target] @ChunkBase is on record bad.BaseTarget, but a base is a class"
                + " whose fields its @Chunk subclasses save; remove it, or make bad.BaseTarget a"
                + " class"),
        bad(
            Message.BASE_UNREACHABLE,
            "BaseUnreachable",
            "class BaseUnreachable",
            "[chunk.base-unreachable] bad.BaseUnreachable extends @ChunkBase other.Bus, whose"
                + " sub-chunk field 'timer' is not public, and the codec of bad.BaseUnreachable in"
                + " package 'bad' cannot reach it from another package; make it public, or declare"
                + " bad.BaseUnreachable in package 'other'",
            "other/Bus",
            "other/Timer"),
        bad(
            Message.BASE_FIELD_HIDDEN,
            "BaseFieldHidden",
            "int irq; // hides",
            "[chunk.base-field-hidden] field 'irq' of bad.BaseFieldHidden.Card hides field 'irq'"
                + " of its @ChunkBase bad.BaseFieldHidden.Device, and a chunk's fields need names"
                + " of their own (the codec would reach only one of them); rename one of the two"));
  }

  /** A case: the file under {@code bad/bad/}, and others it uses, under {@code bad/}. */
  private static Arguments bad(
      Message message, String file, String line, String detail, String... others) {
    return Arguments.of(message, "bad/" + file + ".java", line, detail, List.of(others));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("cases")
  void reportsOneErrorOnTheOffendingLine(
      Message message, String path, String line, String detail, List<String> others) {
    JavaFileObject source = Compilations.source("bad/" + path);
    List<JavaFileObject> sources = new ArrayList<>(List.of(source));
    for (String other : others) {
      sources.add(Compilations.source("bad/" + other + ".java"));
    }
    Compilation compilation = Compilations.compile(sources);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[" + message.id() + "]")
        .inFile(source)
        .onLineContaining(line);
    assertThat(compilation).hadErrorContaining(detail);
  }

  @Test
  void everyRuleOfTheCatalogHasANegativeTest() {
    Set<Message> tested =
        cases().map(a -> (Message) a.get()[0]).collect(Collectors.toCollection(() -> EnumSet.noneOf(Message.class)));
    Set<Message> expected = EnumSet.allOf(Message.class);
    expected.remove(Message.INTERNAL_ERROR); // ProcessorTest provokes it
    expected.removeAll(CompatibilityGateTest.MESSAGES); // need a baseline: tested there
    expected.removeAll(ModulePathTest.MESSAGES); // need the module path: tested there
    assertEquals(expected, tested);
    Set<Integer> rules = tested.stream().map(Message::rule).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25,
            26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38),
        rules,
        "every rule of SPEC §6, and those docs/PROCESSOR.md adds");
  }

  @Test
  void messageIdsAreUniqueAndStable() {
    assertEquals(
        Message.values().length,
        Arrays.stream(Message.values()).map(Message::id).distinct().count());
    for (Message message : Message.values()) {
      assertThat(message.id()).matches("chunk\\.[a-z]+(-[a-z]+)*");
    }
  }

  @Test
  void reportsEveryDeclarationOnAFieldThatIsNotState() {
    JavaFileObject source = Compilations.source("bad/bad/MisplacedDeclarations.java");
    Compilation compilation = Compilations.compile(List.of(source));

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.misplaced-annotation] @SubChunk is on field 'shared' of"
                + " bad.MisplacedDeclarations, which is static, and so not state")
        .inFile(source)
        .onLineContaining("// static sub-chunk");
    assertThat(compilation)
        .hadErrorContaining(
            "[chunk.misplaced-annotation] @FixedLength is on field 'scratch' of"
                + " bad.MisplacedDeclarations, which is transient, and so not state, so no"
                + " generated codec would use it; remove it, or make the field state")
        .inFile(source)
        .onLineContaining("// transient buffer");
    assertThat(compilation)
        .hadErrorContaining("@Unsigned is on field 'cache' of bad.MisplacedDeclarations")
        .inFile(source)
        .onLineContaining("// transient unsigned");
  }

  @Test
  void reportsEveryProblemOfACompilationAndNoCascades() {
    JavaFileObject source = Compilations.source("bad/bad/Several.java");
    Compilation compilation = Compilations.compile(List.of(source));

    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining("[chunk.public-code] 'SEVr'")
        .inFile(source)
        .onLineContaining("@Chunk(\"SEVr\")");
    assertThat(compilation)
        .hadErrorContaining("[chunk.unsupported-type] field 'table'")
        .inFile(source)
        .onLineContaining("Map<String, Integer> table");
    assertThat(compilation)
        .hadErrorContaining("[chunk.unreachable-field] field 'hidden'")
        .inFile(source)
        .onLineContaining("private long hidden");
    assertThat(compilation)
        .hadErrorContaining("[chunk.chunk-in-struct] field 'leaf'")
        .inFile(source)
        .onLineContaining("record Holder");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).startsWith("[chunk.");
    }
  }
}

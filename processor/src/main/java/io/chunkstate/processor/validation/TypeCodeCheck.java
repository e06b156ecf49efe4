package io.chunkstate.processor.validation;

import static io.chunkstate.processor.validation.Names.name;

import io.chunkstate.ChunkType;
import io.chunkstate.processor.model.JavaName;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Rules 1 to 5 (the type code, reported on the annotation value) and 12 and 13 (the codec's name,
 * beyond SPEC §6: docs/PROCESSOR.md).
 */
final class TypeCodeCheck {
  /** The longest file name, in bytes, of common file systems (ext4, APFS, NTFS). */
  private static final int MAX_FILE_NAME = 255;

  /** What the longest file of a codec adds to its type's name: a split codec's holder class. */
  private static final String LONGEST_FILE_SUFFIX = "ChunkCodec$Values.class";

  /**
   * The longest name, in UTF-8 bytes, of a chunk type (its simple names joined by '_', as in its
   * codec's name) whose codec's files all fit a file name: 232.
   */
  private static final int MAX_NAME_BYTES = MAX_FILE_NAME - LONGEST_FILE_SUFFIX.length();

  private final Elements elements;
  private final Names names;
  private final Findings findings;
  private final Map<String, String> codeOwners;
  private final Map<String, String> codecOwners;

  /**
   * @param codeOwners the code of every {@code @Chunk} type seen so far in this compilation, with
   *     its class; the check adds to it (rule 5 spans rounds)
   * @param codecOwners the codec name of every {@code @Chunk} type seen so far, and the helper name
   *     of every {@code @ChunkBase} they extend, with its class (rule 12 spans rounds too)
   */
  TypeCodeCheck(
      Elements elements,
      Names names,
      Findings findings,
      Map<String, String> codeOwners,
      Map<String, String> codecOwners) {
    this.elements = elements;
    this.names = names;
    this.findings = findings;
    this.codeOwners = codeOwners;
    this.codecOwners = codecOwners;
  }

  /** Rules 1 to 5: the code of a {@code @Chunk} type, or null if it is bad. */
  String code(TypeElement type) {
    AnnotationMirror annotation = Annotations.find(type, Annotations.CHUNK);
    AnnotationValue value = Annotations.value(annotation);
    String code = String.valueOf(value.getValue());
    ChunkType chunkType;
    try {
      chunkType = ChunkType.of(code);
    } catch (IllegalArgumentException e) {
      findings.report(Problem.onValue(type, annotation, value, Message.CODE_FORMAT, code));
      return null;
    }
    if (chunkType.equals(ChunkType.CHDR)
        || chunkType.equals(ChunkType.CEND)
        || chunkType.equals(ChunkType.DESC)) {
      findings.report(Problem.onValue(type, annotation, value, Message.FORMAT_CODE, code));
      return null;
    }
    boolean ok = true;
    if (chunkType.isReservedBitSet()) {
      char third = code.charAt(2);
      findings.report(
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
      findings.report(
          Problem.onValue(type, annotation, value, Message.PUBLIC_CODE, code, privateSpelling));
      ok = false;
    }
    if (!ok) {
      return null;
    }
    String owner = codeOwners.putIfAbsent(code, name(type));
    if (owner != null && !owner.equals(name(type))) {
      findings.report(
          Problem.onValue(type, annotation, value, Message.DUPLICATE_CODE, code, owner));
      return null;
    }
    return code;
  }

  /**
   * The code of a {@code @Chunk} type that a field refers to, if it is a valid one. A bad code is
   * that type's own problem, reported where it is declared; the field only gets no codec.
   */
  static String existingCode(TypeElement chunk) {
    AnnotationValue value = Annotations.value(Annotations.find(chunk, Annotations.CHUNK));
    String code = String.valueOf(value.getValue());
    try {
      ChunkType type = ChunkType.of(code);
      return type.isReservedBitSet() ? null : code;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Rules 12 and 13: the codec's name must be free, and short enough for its files. */
  boolean codecName(TypeElement type) {
    JavaName javaName = names.javaName(type);
    JavaName codec = javaName.codecName();
    int bytes = String.join("_", javaName.simpleNames()).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      findings.report(
          Problem.on(
              type,
              Message.NAME_TOO_LONG,
              name(type),
              codec.simpleName(),
              bytes + LONGEST_FILE_SUFFIX.length(),
              MAX_FILE_NAME,
              javaName.simpleNames().size() > 1
                  ? " and those of the types around it (joined by '_')"
                  : "",
              MAX_NAME_BYTES,
              bytes));
      return false;
    }
    String owner = codecOwners.putIfAbsent(codec.qualifiedName(), name(type));
    if (owner != null && !owner.equals(name(type))) {
      findings.report(
          Problem.on(type, Message.CODEC_NAME_CLASH, name(type), codec.qualifiedName(), owner));
      return false;
    }
    return true;
  }

  /**
   * Rule 12 for the helper of {@code base}, a base of {@code type}: no other base's helper has its
   * name. Reported on {@code type}, whose codec calls it.
   */
  boolean helperName(TypeElement type, TypeElement base) {
    JavaName helper = names.javaName(base).baseHelperName();
    String owner = codecOwners.putIfAbsent(helper.qualifiedName(), name(base));
    if (owner != null && !owner.equals(name(base))) {
      findings.report(
          Problem.on(
              type,
              Message.BASE_HELPER_CLASH,
              name(base),
              name(type),
              helper.qualifiedName(),
              owner));
      return false;
    }
    return true;
  }

  private boolean isAuthority(TypeElement type) {
    return Annotations.has(elements.getPackageOf(type), Annotations.CHUNK_AUTHORITY);
  }
}

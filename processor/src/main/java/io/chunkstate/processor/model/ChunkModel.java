package io.chunkstate.processor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A {@code @Chunk} type: what the processor generates a codec for.
 *
 * @param code the four-letter type code
 * @param type the state class and its fields
 */
public record ChunkModel(String code, ClassModel type) {

  /** The generated codec's name. */
  public JavaName codecName() {
    return type.name().codecName();
  }

  /**
   * The whole layout as text: the inline layout in parentheses, then each sub-chunk field's code,
   * after {@code +} for a single sub-chunk or {@code *} for a list: {@code PaRt(int,struct{int,int})+chLd*leAf}.
   */
  public String layout() {
    StringBuilder out = new StringBuilder(code).append('(').append(type.inlineLayout()).append(')');
    for (FieldModel field : type.subChunkFields()) {
      out.append(field.type().layout());
    }
    return out.toString();
  }

  /** The first 16 hex digits of the SHA-256 of {@link #layout()}. */
  public String fingerprint() {
    return fingerprint(layout());
  }

  /** The first 16 hex digits of the SHA-256 of {@code layout}'s UTF-8 bytes. */
  public static String fingerprint(String layout) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(layout.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder(16);
      for (int i = 0; i < 8; i++) {
        out.append(String.format("%02x", hash[i] & 0xff));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

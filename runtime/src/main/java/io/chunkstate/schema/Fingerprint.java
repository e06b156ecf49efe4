package io.chunkstate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The layout fingerprint of SPEC §8: 64 bits of the SHA-256 of a type's inline layout, the text
 * that lists each inline field in order as {@code name:wire} with its declarations ({@code !u}
 * unsigned, {@code #n} a fixed length) and structs by their own inline fields, recursively. Equal
 * fingerprints mean "same inline layout": swapping, renaming, retyping, adding or removing an
 * inline field changes it; adding a sub-chunk field does not.
 *
 * @param value the 64 bits
 */
public record Fingerprint(long value) {
  /** The fingerprint of these inline fields. */
  public static Fingerprint of(List<FieldDescription> fields) {
    return ofLayout(layout(fields));
  }

  /** The fingerprint of an inline layout, as {@link #layout(List)} writes it. */
  public static Fingerprint ofLayout(String layout) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(layout.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return new Fingerprint(value);
  }

  /** The inline layout of these fields: {@code a:int,b:string!u,c:struct{x:int}}. */
  public static String layout(List<FieldDescription> fields) {
    return fields.stream().map(FieldDescription::layout).collect(Collectors.joining(","));
  }

  /**
   * The fingerprint written as 16 lowercase hex digits.
   *
   * @throws IllegalArgumentException if {@code hex} is not 16 hex digits
   */
  public static Fingerprint parse(String hex) {
    if (hex.length() != 16) {
      throw new IllegalArgumentException("a fingerprint is 16 hex digits: " + hex);
    }
    return new Fingerprint(Long.parseUnsignedLong(hex, 16));
  }

  /** The fingerprint as 16 lowercase hex digits. */
  @Override
  public String toString() {
    return String.format("%016x", value);
  }
}

package io.chunkstate.schema;

import java.util.Objects;

/**
 * One inline field of a chunk or struct type: its name, how it travels, and what it declares.
 * Declarations change no byte (SPEC §4) but enter the layout fingerprint: a tool prints an
 * unsigned field unsigned, and a reader holds a fixed-length field to its length.
 *
 * @param name the field's (or record component's) name
 * @param wire how the field is encoded
 * @param javaType the field's Java type as source code writes it ({@code java.util.List<String>})
 * @param unsigned whether the field (or each element) is declared unsigned
 * @param fixedLength the declared length of an array or string, or -1 for none
 */
public record FieldDescription(
    String name, WireType wire, String javaType, boolean unsigned, int fixedLength) {
  public FieldDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(wire, "wire");
    Objects.requireNonNull(javaType, "javaType");
    if (fixedLength < -1) {
      throw new IllegalArgumentException("fixedLength is -1 (none) or a length: " + fixedLength);
    }
  }

  /** A field that declares nothing. */
  public static FieldDescription of(String name, WireType wire, String javaType) {
    return new FieldDescription(name, wire, javaType, false, -1);
  }

  /** The field as a layout fingerprint sees it: name, wire type, declarations. */
  public String layout() {
    return name + ":" + wire.layout() + (unsigned ? "!u" : "")
        + (fixedLength >= 0 ? "#" + fixedLength : "");
  }
}

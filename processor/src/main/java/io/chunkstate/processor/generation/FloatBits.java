package io.chunkstate.processor.generation;

import com.palantir.javapoet.CodeBlock;
import io.chunkstate.processor.model.WireType;

/**
 * How generated code reads a {@code float} or {@code double}: into a local of its bits, an {@code
 * int} or a {@code long}, turned into the value where the state is built. C2 keeps a
 * floating-point local that stays live across a decode's checks (each a branch that may leave the
 * compiled code, and must then hand the local back) in a stack slot of its own for each check,
 * and stores it to every one of them on the way: for a device of one {@code float} and one {@code
 * double}, 93 stores a decode, a quarter of its time. Bits are kept in one register.
 */
final class FloatBits {
  private FloatBits() {}

  /** The type whose bits are read in place of a {@code float} or {@code double}; null for others. */
  static WireType.Primitive bitsOf(WireType type) {
    if (type == WireType.Primitive.FLOAT) {
      return WireType.Primitive.INT;
    }
    if (type == WireType.Primitive.DOUBLE) {
      return WireType.Primitive.LONG;
    }
    return null;
  }

  /** The value of {@code type} whose bits are in local {@code bits}, as {@link #bitsOf} read them. */
  static CodeBlock value(WireType.Primitive type, String bits) {
    return type == WireType.Primitive.FLOAT
        ? CodeBlock.of("$T.intBitsToFloat($N)", Float.class, bits)
        : CodeBlock.of("$T.longBitsToDouble($N)", Double.class, bits);
  }
}

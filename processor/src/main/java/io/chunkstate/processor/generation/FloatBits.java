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

  /** The type a value of {@code type} is read as: its bits' for a {@code float} or {@code double}. */
  static WireType readAs(WireType type) {
    return type instanceof WireType.Primitive primitive ? readAs(primitive) : type;
  }

  /** The primitive type a value of {@code type} is read as, as {@link #readAs(WireType)} says. */
  static WireType.Primitive readAs(WireType.Primitive type) {
    return switch (type) {
      case FLOAT -> WireType.Primitive.INT;
      case DOUBLE -> WireType.Primitive.LONG;
      default -> type;
    };
  }

  /** The name for the local that a value of {@code type} of field {@code field} is read into. */
  static String local(String field, WireType type) {
    return readAs(type) == type ? field : field + "Bits";
  }

  /** The value of {@code type} whose reading, as {@link #readAs} says, is in local {@code local}. */
  static CodeBlock value(WireType type, String local) {
    if (type == WireType.Primitive.FLOAT) {
      return CodeBlock.of("$T.intBitsToFloat($N)", Float.class, local);
    }
    if (type == WireType.Primitive.DOUBLE) {
      return CodeBlock.of("$T.longBitsToDouble($N)", Double.class, local);
    }
    return CodeBlock.of("$N", local);
  }
}

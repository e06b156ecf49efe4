package io.chunkstate.processor.generation;

import io.chunkstate.processor.model.WireType;

/**
 * The runtime's one-call helpers for common inline types: {@code writeBoxedInt}/{@code
 * readBoxedInt} and their {@code Long} twins, and {@code writeStringList}/{@code readStringList},
 * {@code writeIntegerList}/{@code readIntegerList} and {@code writeLongList}/{@code readLongList}.
 * A helper writes and reads the same bytes, with the same checks, as the statements it replaces.
 */
final class WireHelpers {
  private WireHelpers() {}

  /** {@code Int} or {@code Long} for an {@code Integer} or a {@code Long}; null for others. */
  static String boxed(WireType.Boxed type) {
    return switch (type.primitive()) {
      case INT, LONG -> type.primitive().methodSuffix();
      default -> null;
    };
  }

  /**
   * {@code String}, {@code Integer} or {@code Long} for a list of those elements; null for a
   * list of others.
   */
  static String list(WireType.ListOf type) {
    WireType element = type.element();
    if (element instanceof WireType.Text) {
      return "String";
    }
    if (element instanceof WireType.Boxed boxed) {
      return switch (boxed.primitive()) {
        case INT -> "Integer";
        case LONG -> "Long";
        default -> null;
      };
    }
    return null;
  }
}

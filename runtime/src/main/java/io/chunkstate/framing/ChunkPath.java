package io.chunkstate.framing;

import io.chunkstate.ChunkType;
import java.util.Arrays;

/**
 * The address of one chunk of a stream at any depth: from the top level down, the type of each
 * chunk on the way and its index among the chunks of that type under the same parent, counted
 * from 0 in stream order. {@code PcIs/MsXs[1]} is the second {@code MsXs} sub-chunk of the first
 * top-level {@code PcIs}. {@link #ROOT} is the stream itself, the parent of its top-level chunks.
 * Immutable.
 */
public final class ChunkPath {
  /** The stream itself: the parent of the top-level chunks, which addresses no chunk. */
  public static final ChunkPath ROOT = new ChunkPath(new int[0], new int[0]);

  private final int[] types;
  private final int[] indexes;

  private ChunkPath(int[] types, int[] indexes) {
    this.types = types;
    this.indexes = indexes;
  }

  /**
   * Parses a path written as {@link #toString()} writes it: codes joined by {@code /}, each with
   * an optional {@code [index]} (0 when left out); the empty string is {@link #ROOT}.
   *
   * @throws IllegalArgumentException if {@code path} is not such a path
   */
  public static ChunkPath parse(String path) {
    ChunkPath parsed = ROOT;
    if (path.isEmpty()) {
      return parsed;
    }
    for (String step : path.split("/", -1)) {
      int index = 0;
      String code = step;
      int open = step.indexOf('[');
      if (open >= 0) {
        if (!step.endsWith("]")) {
          throw new IllegalArgumentException("a step of a chunk path is CODE or CODE[index]: " + step);
        }
        code = step.substring(0, open);
        try {
          index = Integer.parseInt(step.substring(open + 1, step.length() - 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not an index in chunk path step " + step, e);
        }
      }
      parsed = parsed.child(ChunkType.of(code), index);
    }
    return parsed;
  }

  /**
   * The {@code index}-th chunk of type {@code type} (counted from 0) among the chunks that this
   * path's chunk holds; of {@link #ROOT}, among the top-level chunks.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public ChunkPath child(ChunkType type, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a chunk index is 0 or more: " + index);
    }
    int n = types.length;
    int[] t = Arrays.copyOf(types, n + 1);
    int[] i = Arrays.copyOf(indexes, n + 1);
    t[n] = type.value();
    i[n] = index;
    return new ChunkPath(t, i);
  }

  /** The path of the parent: {@link #ROOT} for a top-level chunk. */
  public ChunkPath parent() {
    requireChunk();
    int n = types.length - 1;
    return new ChunkPath(Arrays.copyOf(types, n), Arrays.copyOf(indexes, n));
  }

  /** How many levels the path goes down: 1 for a top-level chunk, 0 for {@link #ROOT}. */
  public int depth() {
    return types.length;
  }

  /** The type of the chunk at {@code level} (0 for the top level) on the way. */
  public ChunkType type(int level) {
    return ChunkType.of(types[level]);
  }

  /** The index of the chunk at {@code level} (0 for the top level) among its type's siblings. */
  public int index(int level) {
    return indexes[level];
  }

  /** The type of the chunk the path addresses. */
  public ChunkType type() {
    requireChunk();
    return type(types.length - 1);
  }

  /** Whether this path is {@code ancestor} or goes on below it. */
  public boolean startsWith(ChunkPath ancestor) {
    int n = ancestor.types.length;
    return n <= types.length
        && Arrays.equals(types, 0, n, ancestor.types, 0, n)
        && Arrays.equals(indexes, 0, n, ancestor.indexes, 0, n);
  }

  private void requireChunk() {
    if (types.length == 0) {
      throw new IllegalStateException("the root path addresses no chunk");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkPath p
        && Arrays.equals(types, p.types)
        && Arrays.equals(indexes, p.indexes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(types) + Arrays.hashCode(indexes);
  }

  /** The path as {@code PcIs/MsXs[1]}: an index of 0 is left out; {@link #ROOT} is empty. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int level = 0; level < types.length; level++) {
      out.append(level == 0 ? "" : "/").append(ChunkType.render(types[level]));
      if (indexes[level] != 0) {
        out.append('[').append(indexes[level]).append(']');
      }
    }
    return out.toString();
  }
}

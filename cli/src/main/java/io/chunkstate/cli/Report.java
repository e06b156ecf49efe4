package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import java.util.List;

/**
 * What an inspection finds, handed to a renderer as it is found: text, JSON or a summary. Every
 * method does nothing unless a renderer wants it.
 */
interface Report {
  /**
   * One listed chunk at any depth; {@code fields} is empty and {@code preview} set where no
   * description is known. {@code dataCrc} is the CRC-32 of its data, sub-chunks included, for
   * comparing two chunks.
   */
  record Listed(
      int depth,
      String path,
      long offset,
      int length,
      ChunkType type,
      List<Values.Field> fields,
      String preview,
      String note,
      int dataCrc) {}

  /** The verdict of one file: its chunks, and the problem found, or {@code null}. */
  record Verdict(String file, long size, long chunks, ChunkStreamException problem) {}

  default void file(String name, long size, String format) {}

  default void chunk(Listed chunk) {}

  /** A problem where the walk found it; the verdict repeats the one that decides. */
  default void problem(ChunkStreamException problem) {}

  default void endFile(Verdict verdict) {}

  /** After the last file: how many were checked, and how many had problems. */
  default void end(int files, int withProblems) {}

  /** The four property bits of a type code, spelled out, in fixed-width columns. */
  static String properties(ChunkType type) {
    return String.format(
        "%-9s %-7s %-12s %s",
        type.isCritical() ? "critical" : "ancillary",
        type.isPublic() ? "public" : "private",
        type.isReservedBitSet() ? "reserved-SET" : "reserved-ok",
        type.isSafeToCopy() ? "safe-to-copy" : "unsafe-to-copy");
  }
}

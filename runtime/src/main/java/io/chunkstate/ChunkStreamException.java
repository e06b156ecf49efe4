package io.chunkstate;

import java.io.IOException;

/**
 * A stream that breaks the format: the only exception a reader throws for bad input bytes (SPEC
 * §5).
 *
 * <p>It names the {@linkplain #kind() kind} of error, the {@linkplain #offset() offset} in the
 * stream of the first byte of the chunk at fault (0 for a bad signature; for a stream cut short,
 * the start of the chunk that is cut or the end of the stream where a chunk should begin; for
 * trailing data, the first byte after {@code CEND}), and the {@linkplain #path() path} of chunk
 * types from the top level to the chunk at fault ({@code "PcIs/MsXs"}, empty where no chunk is at
 * fault). The message states all three on one line.
 */
public final class ChunkStreamException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the stream. */
  public enum Kind {
    /** The first eight bytes are not the expected signature. */
    SIGNATURE,
    /** A chunk's CRC-32 does not match its type and data. */
    CRC,
    /** A type code byte is not an ASCII letter. */
    TYPE,
    /**
     * A length or count is too large or runs past the end of the enclosing data, the bytes after
     * a chunk's inline fields do not form a chunk, or a codec left some of its data unread.
     */
    LENGTH,
    /** The stream ends inside a chunk, or before {@code CEND}. */
    TRUNCATED,
    /**
     * The chunks break the stream's structure: {@code CHDR} not first or repeated, {@code CEND}
     * with data, {@code CHDR} or {@code CEND} inside a chunk, a second sub-chunk for a field that
     * holds one, or sub-chunks nested deeper than SPEC §4's limit of {@value
     * ReadOptions#MAX_NESTING} levels or the reader's lower {@linkplain ReadOptions#maxNesting()
     * limit}.
     */
    STRUCTURE,
    /** The stream's format major version is not one this reader knows. */
    VERSION,
    /** Bytes follow {@code CEND}. */
    TRAILING_DATA,
    /** A critical chunk whose type this reader does not know, or whose reserved bit is set. */
    UNKNOWN_CRITICAL,
    /**
     * A value inside a chunk's data is invalid: a boolean or presence byte that is not 0 or 1, bad
     * UTF-8, an unknown enum constant, a null producer name, or values the state class refuses.
     */
    DATA,
    /**
     * A limit of the reader's {@link ReadOptions} is exceeded: the stream would make the reader
     * allocate more than its allocation budget.
     */
    LIMIT,
    /**
     * The stream describes a type's inline layout differently from the reader's codec (SPEC §8),
     * so its fields cannot be read as this reader's fields.
     */
    LAYOUT
  }

  private final Kind kind;
  private final long offset;
  private final String path;
  private final String detail;

  /**
   * Creates the exception; its message states kind, offset, path and detail on one line.
   *
   * @param kind what is wrong
   * @param offset the stream offset of the first byte of the chunk at fault
   * @param path the chunk types from the top level to the chunk at fault, joined by {@code /};
   *     empty where no chunk is at fault
   * @param detail what was found, in words
   */
  public ChunkStreamException(Kind kind, long offset, String path, String detail) {
    super(message(kind, offset, path, detail));
    this.kind = kind;
    this.offset = offset;
    this.path = path;
    this.detail = detail;
  }

  private static String message(Kind kind, long offset, String path, String detail) {
    return kind + " at offset " + offset + (path.isEmpty() ? "" : " in " + path) + ": " + detail;
  }

  /** What is wrong with the stream. */
  public Kind kind() {
    return kind;
  }

  /** The stream offset of the first byte of the chunk at fault. */
  public long offset() {
    return offset;
  }

  /** The types from the top level to the chunk at fault, joined by {@code /}; may be empty. */
  public String path() {
    return path;
  }

  /** What was found, in words, without kind, offset and path. */
  public String detail() {
    return detail;
  }
}

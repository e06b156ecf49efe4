package io.chunkstate.internal;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;

/**
 * Every {@link ChunkStreamException} the runtime raises is built here: one factory per rule, so
 * that each rule has one message wherever, and at whatever depth, it is broken.
 */
public final class Errors {
  private Errors() {}

  /** The first eight bytes are not the signature. */
  public static ChunkStreamException signature(String detail) {
    return new ChunkStreamException(Kind.SIGNATURE, 0, "", detail);
  }

  /** The stream ends inside the chunk at {@code offset}, or where one should begin. */
  public static ChunkStreamException truncated(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.TRUNCATED, offset, path, detail);
  }

  /** A chunk declares a length above 2^31−1. */
  public static ChunkStreamException lengthTooLarge(long offset, int type, long length) {
    return new ChunkStreamException(
        Kind.LENGTH,
        offset,
        ChunkType.render(type),
        "length " + length + " exceeds the limit of 2^31-1");
  }

  /** A length, count or field runs past the data of the chunk at {@code offset}. */
  public static ChunkStreamException length(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.LENGTH, offset, path, detail);
  }

  /** A type byte is not a letter. */
  public static ChunkStreamException type(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.TYPE, offset, path, detail);
  }

  /** The detail of {@link #type} for the four bytes {@code type}. */
  public static String notLetters(int type) {
    return "type bytes " + ChunkType.render(type) + " are not four ASCII letters";
  }

  /**
   * The end of a message about bytes inside the chunk at {@code path} that do not fit its inline
   * layout: another version may have written other inline fields (SPEC §9).
   */
  public static String layoutHint(String path) {
    String code = path.substring(path.lastIndexOf('/') + 1);
    return "; if the stream's inline layout of " + code + " differs from this reader's"
        + " (another version wrote it with other inline fields), that is a breaking change:"
        + " new state belongs in a new sub-chunk (SPEC §9)";
  }

  /** A chunk's stored CRC does not match its type and data. */
  public static ChunkStreamException crc(long offset, String path, int stored, int computed) {
    return new ChunkStreamException(
        Kind.CRC,
        offset,
        path,
        String.format("stored CRC %08x but the type and data give %08x", stored, computed));
  }

  /** The chunks break the stream's structure. */
  public static ChunkStreamException structure(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.STRUCTURE, offset, path, detail);
  }

  /** The stream's format major version is not known. */
  public static ChunkStreamException version(long offset, int major, int minor) {
    return new ChunkStreamException(
        Kind.VERSION,
        offset,
        "CHDR",
        "format version " + major + "." + minor + " is not readable: this reader knows major "
            + Header.FORMAT_MAJOR);
  }

  /**
   * A chunk's data carries a version of its own, such as the embedded description's, whose major
   * this reader does not know.
   */
  public static ChunkStreamException version(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.VERSION, offset, path, detail);
  }

  /** Bytes follow {@code CEND} in a whole-input read. */
  public static ChunkStreamException trailingData(long offset) {
    return trailingData(offset, "data follows the end of the stream");
  }

  /** Bytes follow the end of what was to fill the input, from {@code offset}. */
  public static ChunkStreamException trailingData(long offset, String detail) {
    return new ChunkStreamException(Kind.TRAILING_DATA, offset, "", detail);
  }

  /** A critical chunk this reader does not know, at any depth. */
  public static ChunkStreamException unknownCritical(ChunkType type, long offset, String path) {
    return new ChunkStreamException(
        Kind.UNKNOWN_CRITICAL,
        offset,
        path,
        "critical chunk " + type.code() + " is not known to this reader"
            + (type.isReservedBitSet() ? " (its reserved bit is set)" : ""));
  }

  /** A value inside the data of the chunk at {@code offset} is invalid. */
  public static ChunkStreamException data(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.DATA, offset, path, detail);
  }

  /**
   * A {@code DATA} error for a state class that refused the values decoded for it, naming the
   * class and what it threw; a {@link VirtualMachineError} is rethrown as it is.
   */
  public static ChunkStreamException refused(
      long offset, String path, String className, Throwable cause) {
    if (cause instanceof VirtualMachineError) {
      throw (VirtualMachineError) cause;
    }
    ChunkStreamException error =
        data(
            offset,
            path,
            className + " refused the decoded values: " + Text.escape(cause.toString()));
    error.initCause(cause);
    return error;
  }

  /** The stream describes a type's inline layout differently from the reader's codec (SPEC §8). */
  public static ChunkStreamException layout(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.LAYOUT, offset, path, detail);
  }

  /** A limit of the read's options would be passed. */
  public static ChunkStreamException limit(long offset, String path, String detail) {
    return new ChunkStreamException(Kind.LIMIT, offset, path, detail);
  }
}

package io.chunkstate;

import io.chunkstate.internal.Text;

/**
 * A stream that is sound but does not fit the targets of a {@link Restore}: a chunk with no
 * target, a target with no chunk, or one key twice. It names the chunk type and the key (SPEC
 * §5's error kinds are for streams that break the format; this one is about what the restore was
 * given). Nothing has been applied when it is thrown.
 */
public final class RestoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What does not fit. */
  public enum Kind {
    /** A critical chunk, or one of a required type, that no target takes. */
    NO_TARGET,
    /** A target that is required and that no chunk restores. */
    NO_CHUNK,
    /** Two chunks, or two targets, of one type with the same key. */
    DUPLICATE_KEY
  }

  private final Kind kind;
  private final transient ChunkType type;
  private final transient Object key;

  RestoreException(Kind kind, ChunkType type, Object key, String detail) {
    super(
        kind + " for " + type.code() + (key == null ? "" : " key " + describe(key)) + ": "
            + detail);
    this.kind = kind;
    this.type = type;
    this.key = key;
  }

  private static String describe(Object key) {
    return key instanceof String text ? Text.quote(text) : Text.escape(String.valueOf(key));
  }

  /** What does not fit. */
  public Kind kind() {
    return kind;
  }

  /** The chunk type of the chunk or target that does not fit. */
  public ChunkType type() {
    return type;
  }

  /** The key of the chunk or target, or {@code null} for a type without keys. */
  public Object key() {
    return key;
  }
}

package io.chunkstate.internal;

/** The {@code CHDR} chunk of SPEC §3: the format version a stream declares. */
public final class Header {
  /** The format major version this runtime reads and writes. */
  public static final int FORMAT_MAJOR = 1;

  /** The format minor version this runtime writes. */
  public static final int FORMAT_MINOR = 0;

  private Header() {}
}

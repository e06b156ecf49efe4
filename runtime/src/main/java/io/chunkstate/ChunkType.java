package io.chunkstate;

import io.chunkstate.internal.Text;

/**
 * A chunk type code: four ASCII letters whose cases are the type's property bits (SPEC §2).
 *
 * <p>A {@code ChunkType} is the four bytes of the code held in one {@code int}, first letter in
 * the most significant byte. The properties are bit tests on bit 5 of each byte, never
 * locale-dependent case functions. Two types are equal when their four bytes are equal; instances
 * are immutable and may be shared between threads.
 *
 * <pre>{@code
 * ChunkType t = ChunkType.of("PcIs");
 * t.isCritical();   // true:  'P' is uppercase
 * t.isPrivate();    // true:  'c' is lowercase
 * t.isSafeToCopy(); // true:  's' is lowercase
 * }</pre>
 */
public final class ChunkType implements Comparable<ChunkType> {
  /** The stream header, first chunk of every stream. */
  public static final ChunkType CHDR = of("CHDR");

  /** The stream end, last chunk of every stream, with no data. */
  public static final ChunkType CEND = of("CEND");

  /** The optional embedded schema description (SPEC §8). */
  public static final ChunkType DESC = of("dESc");

  private static final int BIT = 0x20;

  private final int value;

  private ChunkType(int value) {
    this.value = value;
  }

  /**
   * Returns the type with the given code.
   *
   * @throws IllegalArgumentException if {@code code} is not exactly four ASCII letters
   */
  public static ChunkType of(String code) {
    if (code == null || code.length() != 4) {
      throw new IllegalArgumentException(
          "a chunk type code is four ASCII letters, but got " + Text.quote(code));
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      char c = code.charAt(i);
      if (!isLetter(c)) {
        throw new IllegalArgumentException(
            "a chunk type code is four ASCII letters, but " + Text.quote(code) + " has '" + c
                + "' at index " + i);
      }
      value = (value << 8) | c;
    }
    return new ChunkType(value);
  }

  /**
   * Returns the type whose four bytes, most significant first, are {@code value}.
   *
   * @throws IllegalArgumentException if one of the four bytes is not an ASCII letter
   */
  public static ChunkType of(int value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "a chunk type code is four ASCII letters, but got " + render(value));
    }
    return new ChunkType(value);
  }

  /** Whether each of the four bytes of {@code value} is an ASCII letter. */
  public static boolean isValid(int value) {
    // All four bytes at once, without a branch per byte: a byte is a letter if it is below 0x80
    // and, with its case bit set, from 'a' (0x61) to 'z' (0x7A). For such a byte, adding 0x1F sets
    // its top bit exactly when it is at least 'a', and adding 0x05 exactly when it is past 'z',
    // and neither sum carries into the next byte. A byte of 0x80 or more fails on its own top
    // bit, whatever its sums carry into the byte above it.
    int lower = value | 0x20202020;
    int atLeastA = lower + 0x1F1F1F1F;
    int pastZ = lower + 0x05050505;
    return ((atLeastA & ~pastZ & ~value) & 0x80808080) == 0x80808080;
  }

  /**
   * Renders four type bytes for a message, valid or not: letters as themselves, any other byte as
   * {@code \xNN}.
   */
  public static String render(int value) {
    StringBuilder out = new StringBuilder(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      int b = (value >>> shift) & 0xff;
      if (isLetter(b)) {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02X", b));
      }
    }
    return out.toString();
  }

  private static boolean isLetter(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
  }

  /** The four bytes of the code, first letter in the most significant byte. */
  public int value() {
    return value;
  }

  /** The code as a four-letter string. */
  public String code() {
    return new String(
        new char[] {
          (char) (value >>> 24), (char) ((value >>> 16) & 0xff),
          (char) ((value >>> 8) & 0xff), (char) (value & 0xff)
        });
  }

  /** First letter uppercase: a reader must understand the chunk or refuse the stream. */
  public boolean isCritical() {
    return ((value >>> 24) & BIT) == 0;
  }

  /** First letter lowercase: a reader that does not know the chunk skips it. */
  public boolean isAncillary() {
    return !isCritical();
  }

  /** Second letter uppercase: the code is defined by the registry authority. */
  public boolean isPublic() {
    return ((value >>> 16) & BIT) == 0;
  }

  /** Second letter lowercase: the code is defined privately. */
  public boolean isPrivate() {
    return !isPublic();
  }

  /**
   * Third letter lowercase: the reserved bit is set, and a reader treats the chunk as unknown
   * whatever else it knows about the code.
   */
  public boolean isReservedBitSet() {
    return ((value >>> 8) & BIT) != 0;
  }

  /**
   * Fourth letter lowercase: an editor may copy the chunk unchanged even when it does not
   * understand it. Only meaningful for ancillary chunks.
   */
  public boolean isSafeToCopy() {
    return (value & BIT) != 0;
  }

  /**
   * A short description of the four property bits, for example {@code "critical, private, safe to
   * copy"}.
   */
  public String properties() {
    return (isCritical() ? "critical" : "ancillary")
        + ", " + (isPublic() ? "public" : "private")
        + (isReservedBitSet() ? ", reserved bit set" : "")
        + ", " + (isSafeToCopy() ? "safe to copy" : "unsafe to copy");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChunkType && ((ChunkType) other).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  /** Orders types by their codes in ASCII order. */
  @Override
  public int compareTo(ChunkType other) {
    return Integer.compare(value, other.value);
  }

  /** The code and its properties, for example {@code "PcIs (critical, private, safe to copy)"}. */
  @Override
  public String toString() {
    return code() + " (" + properties() + ")";
  }
}

package io.chunkstate.framing;

import java.util.Arrays;

/**
 * The eight bytes that open a chunk stream. chunkstate streams use {@link #CHUNKSTATE}; the same
 * framing reader walks PNG files with {@link #PNG}.
 */
public final class Signature {
  /** {@code 89 43 48 4B 0D 0A 1A 0A}: {@code \x89CHK\r\n\x1a\n}. */
  public static final Signature CHUNKSTATE =
      new Signature(new byte[] {(byte) 0x89, 'C', 'H', 'K', '\r', '\n', 0x1a, '\n'});

  /** {@code 89 50 4E 47 0D 0A 1A 0A}: the PNG signature. */
  public static final Signature PNG =
      new Signature(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

  private final byte[] bytes;

  private Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A signature of exactly eight bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not eight bytes long
   */
  public static Signature of(byte... bytes) {
    if (bytes.length != 8) {
      throw new IllegalArgumentException("a signature is 8 bytes, got " + bytes.length);
    }
    return new Signature(bytes.clone());
  }

  /** The eight bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  boolean matches(byte[] candidate) {
    return Arrays.equals(bytes, candidate);
  }

  byte[] raw() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Signature && Arrays.equals(((Signature) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xff));
    }
    return out.toString();
  }
}

package io.chunkstate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random values for property tests, biased towards the values that break encoders: zero, -1, the
 * extremes of each type, NaN payloads (signalling ones included) and -0.0, null, empty and large
 * arrays, and strings with characters outside the BMP. One generator serves one case of a
 * property; {@link PropertyCheck} makes it from the run's seed and the case's index, so the same
 * seed makes the same values.
 */
public final class Generator {
  private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE,
      Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1, 127, 128, -128, 255, 65535};
  private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE,
      Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xffffffffL};
  /** Canonical, payload-carrying and signalling NaNs, -0.0, the infinities and the extremes. */
  private static final int[] FLOAT_BITS = {0x7fc00000, 0x7fc00001, 0x7f800001, 0x7fbfffff,
      0xffc12345, 0xffffffff, 0x80000000, 0x00000000, 0x7f800000, 0xff800000, 0x00000001,
      0x7f7fffff};
  private static final long[] DOUBLE_BITS = {0x7ff8000000000000L, 0x7ff8000000000001L,
      0x7ff0000000000001L, 0x7ff7ffffffffffffL, 0xfff8dead0000beefL, 0xffffffffffffffffL,
      0x8000000000000000L, 0L, 0x7ff0000000000000L, 0xfff0000000000000L, 1L,
      0x7fefffffffffffffL};
  /** The boundaries of the UTF-8 encoding lengths, and the ends of the code point range. */
  private static final int[] CODE_POINTS = {0, 'a', 'Z', ' ', 0x7f, 0x80, 0xe9, 0x7ff, 0x800,
      0x2603, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff};

  private final SplittableRandom random;

  /** A generator whose values follow from {@code seed} alone. */
  public Generator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** True with probability 1/{@code n}. */
  public boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  /** A uniform int in [{@code from}, {@code to}). */
  public int between(int from, int to) {
    return random.nextInt(from, to);
  }

  /** One of {@code values}. */
  @SafeVarargs
  public final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** {@code null} one time in {@code n}, else a value from {@code values}. */
  public <T> T orNull(int n, Supplier<T> values) {
    return oneIn(n) ? null : values.get();
  }

  /**
   * An array or list length up to {@code max}: empty one time in eight, now and then (one time in
   * forty) a large one of a few thousand, else uniform.
   */
  public int length(int max) {
    if (oneIn(8)) {
      return 0;
    }
    if (oneIn(40)) {
      return between(1000, 5000);
    }
    return between(0, max + 1);
  }

  public boolean aBoolean() {
    return random.nextBoolean();
  }

  public byte aByte() {
    return (byte) anInt();
  }

  public short aShort() {
    return (short) anInt();
  }

  /** Any char, lone surrogates included: a char travels as 16 raw bits. */
  public char aChar() {
    return oneIn(4) ? (char) oneOf('\0', '\uffff', '\ud800', '\udfff', '\u00e9') : (char) anInt();
  }

  public int anInt() {
    return oneIn(4) ? INTS[random.nextInt(INTS.length)] : random.nextInt();
  }

  public long aLong() {
    return oneIn(4) ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
  }

  /** Any bit pattern, with the NaNs, -0.0 and infinities often. */
  public float aFloat() {
    return Float.intBitsToFloat(
        oneIn(3) ? FLOAT_BITS[random.nextInt(FLOAT_BITS.length)] : random.nextInt());
  }

  /** Any bit pattern, with the NaNs, -0.0 and infinities often. */
  public double aDouble() {
    return Double.longBitsToDouble(
        oneIn(3) ? DOUBLE_BITS[random.nextInt(DOUBLE_BITS.length)] : random.nextLong());
  }

  /** A code point that is not a surrogate: every one has a UTF-8 encoding. */
  public int aCodePoint() {
    switch (random.nextInt(6)) {
      case 0:
        return CODE_POINTS[random.nextInt(CODE_POINTS.length)];
      case 1:
        return between(0, 0x80);
      case 2:
        return between(0x80, 0x800);
      case 3:
        return oneIn(2) ? between(0x800, Character.MIN_SURROGATE) : between(0xe000, 0x10000);
      default:
        return between(0x10000, Character.MAX_CODE_POINT + 1);
    }
  }

  /** A well-formed string, never null: empty, short, or now and then thousands of characters. */
  public String aString() {
    int n = length(24);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.appendCodePoint(aCodePoint());
    }
    return out.toString();
  }

  /** An unpaired surrogate: a char no well-formed string holds alone. */
  public char aSurrogate() {
    return (char) between(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
  }

  /** A four-letter type code of random case, which may be CHDR, CEND or have any bits. */
  public String aTypeCode() {
    char[] code = new char[4];
    for (int i = 0; i < 4; i++) {
      code[i] = (char) (between('A', 'Z' + 1) | (aBoolean() ? 0x20 : 0));
    }
    return new String(code);
  }

  public byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = aByte();
    }
    return out;
  }

  public boolean[] booleans(int n) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = aBoolean();
    }
    return out;
  }

  public short[] shorts(int n) {
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = aShort();
    }
    return out;
  }

  public char[] chars(int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = aChar();
    }
    return out;
  }

  public int[] ints(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = anInt();
    }
    return out;
  }

  public long[] longs(int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = aLong();
    }
    return out;
  }

  public float[] floats(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = aFloat();
    }
    return out;
  }

  public double[] doubles(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = aDouble();
    }
    return out;
  }

  /** {@code n} values from {@code element}, in a mutable list that may hold nulls. */
  public <T> List<T> listOf(int n, Supplier<T> element) {
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }
}

package io.chunkstate.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random states for round trips: edge values, NaN payloads, nulls, empty and large arrays. */
final class RandomStates {
  private static final float[] FLOATS = {
    Float.intBitsToFloat(0x7fc00000), // the canonical NaN
    Float.intBitsToFloat(0x7f800001), // a signalling NaN
    Float.intBitsToFloat(0xffc12345), // a negative quiet NaN with a payload
    -0.0f,
    Float.MIN_VALUE,
    Float.POSITIVE_INFINITY
  };
  private static final double[] DOUBLES = {
    Double.longBitsToDouble(0x7ff8000000000000L),
    Double.longBitsToDouble(0x7ff0000000000001L),
    Double.longBitsToDouble(0xfff8dead0000beefL),
    -0.0,
    Double.MIN_VALUE,
    Double.NEGATIVE_INFINITY
  };
  private static final int[] CODE_POINTS = {
    'a', 'Z', '0', ' ', 0, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x2603, 0xfffd, 0xffff, 0x10000,
    0x1f600, 0x10ffff
  };

  private final Random random;

  RandomStates(long seed) {
    this.random = new Random(seed);
  }

  Everything everything() {
    return new Everything(
        random.nextBoolean(),
        (byte) random.nextInt(),
        (short) random.nextInt(),
        (char) random.nextInt(),
        random.nextInt(),
        random.nextLong(),
        aFloat(),
        aDouble(),
        maybe() ? null : random.nextBoolean(),
        maybe() ? null : (byte) random.nextInt(),
        maybe() ? null : (short) random.nextInt(),
        maybe() ? null : (char) random.nextInt(),
        maybe() ? null : random.nextInt(),
        maybe() ? null : random.nextLong(),
        maybe() ? null : aFloat(),
        maybe() ? null : aDouble(),
        aString(),
        aShade(),
        maybe() ? null : bytes(length()),
        maybe() ? null : booleans(length()),
        maybe() ? null : shorts(length()),
        maybe() ? null : chars(length()),
        maybe() ? null : ints(length()),
        maybe() ? null : longs(length()),
        maybe() ? null : floats(length()),
        maybe() ? null : doubles(length()),
        maybe() ? null : strings(),
        maybe() ? null : shades(),
        maybe() ? null : matrix(),
        maybe() ? null : pairs(),
        maybe() ? null : listOf(strings()),
        maybe() ? null : integers(),
        maybe() ? null : readings(),
        maybe() ? null : listOf(shades()),
        maybe() ? null : blobs(),
        maybe() ? null : nested(),
        maybe() ? null : listOf(pairs()),
        aPair(),
        maybe() ? null : gauge(),
        notes());
  }

  Gauge gauge() {
    return new Gauge(aDouble(), aString(), maybe() ? null : floats(length()));
  }

  private boolean maybe() {
    return random.nextInt(4) == 0;
  }

  /** Mostly short, sometimes empty, now and then large. */
  private int length() {
    int pick = random.nextInt(10);
    return pick == 0 ? 0 : pick == 1 ? 50_000 + random.nextInt(50_000) : random.nextInt(20);
  }

  private float aFloat() {
    return random.nextBoolean() ? FLOATS[random.nextInt(FLOATS.length)] : random.nextFloat();
  }

  private double aDouble() {
    return random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextGaussian();
  }

  /** Null, empty, ASCII, or any code point from U+0000 to U+10FFFF, surrogate pairs included. */
  private String aString() {
    if (maybe()) {
      return null;
    }
    int n = random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < n; k++) {
      int cp =
          random.nextBoolean()
              ? CODE_POINTS[random.nextInt(CODE_POINTS.length)]
              : random.nextInt(Character.MAX_CODE_POINT + 1);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        cp = 0x1f4a9; // a lone surrogate has no UTF-8 encoding; the writer refuses it
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private Shade aShade() {
    return maybe() ? null : Shade.values()[random.nextInt(Shade.values().length)];
  }

  private Pair aPair() {
    return maybe() ? null : new Pair(random.nextInt(), aString());
  }

  private byte[] bytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  private boolean[] booleans(int n) {
    boolean[] out = new boolean[n];
    for (int k = 0; k < n; k++) {
      out[k] = random.nextBoolean();
    }
    return out;
  }

  private short[] shorts(int n) {
    short[] out = new short[n];
    for (int k = 0; k < n; k++) {
      out[k] = (short) random.nextInt();
    }
    return out;
  }

  private char[] chars(int n) {
    char[] out = new char[n];
    for (int k = 0; k < n; k++) {
      out[k] = (char) random.nextInt(); // lone surrogates too: chars travel as 2 raw bytes
    }
    return out;
  }

  private int[] ints(int n) {
    return random.ints(n).toArray();
  }

  private long[] longs(int n) {
    return random.longs(n).toArray();
  }

  private float[] floats(int n) {
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = aFloat();
    }
    return out;
  }

  private double[] doubles(int n) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = aDouble();
    }
    return out;
  }

  private String[] strings() {
    String[] out = new String[random.nextInt(6)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aString();
    }
    return out;
  }

  private Shade[] shades() {
    Shade[] out = new Shade[random.nextInt(6)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aShade();
    }
    return out;
  }

  private int[][] matrix() {
    int[][] out = new int[random.nextInt(4)][];
    for (int k = 0; k < out.length; k++) {
      out[k] = maybe() ? null : ints(random.nextInt(5));
    }
    return out;
  }

  private Pair[] pairs() {
    Pair[] out = new Pair[random.nextInt(5)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aPair();
    }
    return out;
  }

  private List<Integer> integers() {
    List<Integer> out = new ArrayList<>();
    for (int k = random.nextInt(6); k > 0; k--) {
      out.add(maybe() ? null : random.nextInt());
    }
    return out;
  }

  private List<Double> readings() {
    List<Double> out = new ArrayList<>();
    for (int k = random.nextInt(6); k > 0; k--) {
      out.add(maybe() ? null : aDouble());
    }
    return out;
  }

  private List<byte[]> blobs() {
    List<byte[]> out = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      out.add(maybe() ? null : bytes(random.nextInt(9)));
    }
    return out;
  }

  private List<List<String>> nested() {
    List<List<String>> out = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      out.add(maybe() ? null : listOf(strings()));
    }
    return out;
  }

  /** A list that, unlike {@code List.of}, holds nulls. */
  private static <T> List<T> listOf(T[] elements) {
    return new ArrayList<>(Arrays.asList(elements));
  }

  /** Never null: a null list of sub-chunks reads back empty, which {@code RoundTripTest} checks. */
  private List<Note> notes() {
    List<Note> out = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      out.add(new Note(random.nextLong(), aString()));
    }
    return out;
  }
}

package io.chunkstate.conformance;

import io.chunkstate.testing.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Random states of the conformance schema for round trips, drawn from the runtime's edge-biased
 * {@link Generator}: NaN payloads, nulls, empty and large arrays, strings beyond the BMP.
 */
final class RandomStates {
  private final Generator g;

  RandomStates(long seed) {
    this.g = new Generator(seed);
  }

  Everything everything() {
    return new Everything(
        g.aBoolean(),
        g.aByte(),
        g.aShort(),
        g.aChar(),
        g.anInt(),
        g.aLong(),
        g.aFloat(),
        g.aDouble(),
        maybe() ? null : g.aBoolean(),
        maybe() ? null : g.aByte(),
        maybe() ? null : g.aShort(),
        maybe() ? null : g.aChar(),
        maybe() ? null : g.anInt(),
        maybe() ? null : g.aLong(),
        maybe() ? null : g.aFloat(),
        maybe() ? null : g.aDouble(),
        aString(),
        aShade(),
        maybe() ? null : g.bytes(length()),
        maybe() ? null : g.booleans(length()),
        maybe() ? null : g.shorts(length()),
        maybe() ? null : g.chars(length()),
        maybe() ? null : g.ints(length()),
        maybe() ? null : g.longs(length()),
        maybe() ? null : g.floats(length()),
        maybe() ? null : g.doubles(length()),
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
    return new Gauge(g.aDouble(), aString(), maybe() ? null : g.floats(length()));
  }

  private boolean maybe() {
    return g.oneIn(4);
  }

  /** Mostly short, sometimes empty, now and then large enough to span many kilobytes. */
  private int length() {
    return g.oneIn(10) ? g.between(50_000, 100_000) : g.length(20);
  }

  /** Null now and then, else any string of code points outside the surrogates. */
  private String aString() {
    return maybe() ? null : g.aString();
  }

  private Shade aShade() {
    return maybe() ? null : Shade.values()[g.between(0, Shade.values().length)];
  }

  private Pair aPair() {
    return maybe() ? null : new Pair(g.anInt(), aString());
  }

  private String[] strings() {
    String[] out = new String[g.between(0, 6)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aString();
    }
    return out;
  }

  private Shade[] shades() {
    Shade[] out = new Shade[g.between(0, 6)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aShade();
    }
    return out;
  }

  private int[][] matrix() {
    int[][] out = new int[g.between(0, 4)][];
    for (int k = 0; k < out.length; k++) {
      out[k] = maybe() ? null : g.ints(g.between(0, 5));
    }
    return out;
  }

  private Pair[] pairs() {
    Pair[] out = new Pair[g.between(0, 5)];
    for (int k = 0; k < out.length; k++) {
      out[k] = aPair();
    }
    return out;
  }

  private List<Integer> integers() {
    List<Integer> out = new ArrayList<>();
    for (int k = g.between(0, 6); k > 0; k--) {
      out.add(maybe() ? null : g.anInt());
    }
    return out;
  }

  private List<Double> readings() {
    List<Double> out = new ArrayList<>();
    for (int k = g.between(0, 6); k > 0; k--) {
      out.add(maybe() ? null : g.aDouble());
    }
    return out;
  }

  private List<byte[]> blobs() {
    List<byte[]> out = new ArrayList<>();
    for (int k = g.between(0, 4); k > 0; k--) {
      out.add(maybe() ? null : g.bytes(g.between(0, 9)));
    }
    return out;
  }

  private List<List<String>> nested() {
    List<List<String>> out = new ArrayList<>();
    for (int k = g.between(0, 4); k > 0; k--) {
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
    for (int k = g.between(0, 4); k > 0; k--) {
      out.add(new Note(g.aLong(), aString()));
    }
    return out;
  }
}

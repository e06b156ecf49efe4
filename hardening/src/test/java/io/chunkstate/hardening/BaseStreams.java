package io.chunkstate.hardening;

import io.chunkstate.StateWriter;
import io.chunkstate.vectors.VectorClasses.Child;
import io.chunkstate.vectors.VectorClasses.Leaf;
import io.chunkstate.vectors.VectorClasses.Mode;
import io.chunkstate.vectors.VectorClasses.Parent;
import io.chunkstate.vectors.VectorClasses.Point;
import io.chunkstate.vectors.VectorClasses.References;
import io.chunkstate.vectors.VectorClasses.Scalars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The valid streams that the corruption corpus and the fuzzers' seeds are made from. */
final class BaseStreams {
  private BaseStreams() {}

  /** Each base stream by name, in a fixed order. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> streams = new LinkedHashMap<>();
    streams.put(
        "vector-states",
        write(
            new Scalars(true, (byte) -2, (short) -300, 'é', 16909060, -7L, Float.NaN, -2.25),
            new References(
                "héllo \uD83D\uDE00",
                null,
                new byte[] {0, 1, (byte) 0xfe},
                new int[] {1, -1},
                Arrays.asList("a", null, ""),
                7,
                null,
                Mode.ON),
            new Parent(42, new Point(3, -4), new Child(7), List.of(new Leaf(8), new Leaf(9)))));
    streams.put("nest-3", write(new Nest(1, new Nest(2, new Nest(3, null)))));
    return streams;
  }

  /** A stream of {@code states} written by {@link StateWriter} with {@link Registries#all()}. */
  static byte[] write(Object... states) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "hardening", Registries.all())) {
      for (Object state : states) {
        writer.write(state);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

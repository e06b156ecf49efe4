package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.testing.Sources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5: what a reader allocates is bounded by the budget of its options and grows at most
 * linearly with the input. Under this module's 64 MiB heap, a few MiB of the cheapest elements of
 * each wire type would be an {@code OutOfMemoryError} if the reader did not count: here each is a
 * {@code LIMIT} error, and the same shape at a sane size reads back.
 */
class AllocationBudgetTest {
  private static final ChunkRegistry REGISTRY = BaseStreams.REGISTRY;
  private static final int WIRE_BYTES = 3 << 20;

  /**
   * A Hogs whose one non-empty list holds {@code n} of the cheapest element of one wire type, for
   * the wire types whose elements cost at least eight times their bytes on the heap.
   */
  static Stream<Arguments> hogs() {
    Hogs none = Hogs.none();
    return Stream.of(
        shape("empty structs (1 byte each)", 1, n -> with(none, 0, n, new Hogs.Empty())),
        shape("null boxed values (1 byte each)", 1, n -> with(none, 1, n, null)),
        shape("empty strings (4 bytes each)", 4, n -> with(none, 2, n, "")),
        shape("empty arrays (4 bytes each)", 4, n -> with(none, 3, n, new int[0])),
        shape("empty lists (4 bytes each)", 4, n -> with(none, 4, n, List.of())),
        shape("empty sub-chunks (12 bytes each)", 12, n -> with(none, 6, n, new Hogs.Bit())));
  }

  /** Every wire type's cheapest element: the hogs, and enum names, which cost a reference. */
  static Stream<Arguments> wireTypes() {
    Hogs none = Hogs.none();
    return Stream.concat(
        hogs(),
        Stream.of(
            shape("one-letter enum names (5 bytes each)", 5, n -> with(none, 5, n, Hogs.Tone.A))));
  }

  private static Arguments shape(String name, int bytesEach, IntFunction<Hogs> make) {
    return Arguments.of(name, bytesEach, make);
  }

  @SuppressWarnings("unchecked")
  private static Hogs with(Hogs none, int field, int n, Object element) {
    Object[] lists = {
      none.structs(), none.boxed(), none.strings(), none.arrays(), none.lists(), none.enums(),
      none.subChunks()
    };
    lists[field] = Collections.nCopies(n, element);
    return new Hogs(
        (List<Hogs.Empty>) lists[0],
        (List<Integer>) lists[1],
        (List<String>) lists[2],
        (List<int[]>) lists[3],
        (List<List<Integer>>) lists[4],
        (List<Hogs.Tone>) lists[5],
        (List<Hogs.Bit>) lists[6]);
  }

  private static byte[] write(Hogs hogs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "hogs", REGISTRY)) {
      writer.write(hogs);
      writer.finish();
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hogs")
  void aFewMegabytesOfTheCheapestElementsEndInLimitNotOutOfMemory(
      String name, int bytesEach, IntFunction<Hogs> make) throws IOException {
    byte[] bytes = write(make.apply(WIRE_BYTES / bytesEach));
    assertTrue(bytes.length >= WIRE_BYTES, name + ": " + bytes.length);
    ChunkStreamException fromArray =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(bytes, REGISTRY));
    assertEquals(Kind.LIMIT, fromArray.kind(), fromArray.getMessage());
    assertEquals("hoGs", fromArray.path().substring(0, 4), fromArray.getMessage());
    assertTrue(fromArray.getMessage().contains("allocation budget"), fromArray.getMessage());
    for (Sources source : Sources.values()) {
      ChunkStreamException fromStream =
          assertThrows(
              ChunkStreamException.class, () -> StateReader.read(source.open(bytes), REGISTRY));
      assertEquals(Kind.LIMIT, fromStream.kind(), source + ": " + fromStream.getMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  void theSameShapeAtASaneSizeReadsBack(String name, int bytesEach, IntFunction<Hogs> make)
      throws IOException {
    Hogs hogs = make.apply(10_000);
    Hogs read = StateReader.read(write(hogs), REGISTRY).get(Hogs.class);
    assertEquals(10_000, count(read), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wireTypes")
  void aSmallerBudgetIsHonouredAtItsSize(String name, int bytesEach, IntFunction<Hogs> make)
      throws IOException {
    byte[] bytes = write(make.apply(10_000));
    ReadOptions tight = ReadOptions.defaults().withAllocationBudget(64 * 1024);
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> StateReader.read(bytes, REGISTRY, tight));
    assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("65536"), e.getMessage());
  }

  private static int count(Hogs h) {
    return h.structs().size() + h.boxed().size() + h.strings().size() + h.arrays().size()
        + h.lists().size() + h.enums().size() + h.subChunks().size();
  }
}

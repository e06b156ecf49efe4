package io.chunkstate;

import static io.chunkstate.testing.StreamBuilder.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What every read that takes a stream's regular chunks in one loop owes: the outcome of the two
 * steps of {@link StateStream#next()} and {@link StateStream#state()} alone, over the same bytes
 * and with the same options, for damaged, cut and over-limit streams: the same snapshot (states,
 * offsets, producer, skipped chunks), or the same error in the same words. A subclass names the
 * read and its two steps.
 */
abstract class OneLoopReadContract {
  static final ChunkRegistry REGISTRY =
      ChunkRegistry.of(new TestCodecs.FlagsCodec(), new TestCodecs.NodeCodec(), new MarkCodec());

  /** A state with no fields: its chunk has no data. */
  record Mark() {}

  static final class MarkCodec implements ChunkCodec<Mark> {
    @Override
    public ChunkType type() {
      return ChunkType.of("MaRk");
    }

    @Override
    public Class<Mark> stateClass() {
      return Mark.class;
    }

    @Override
    public void encode(Mark value, WireWriter out) {}

    @Override
    public Mark decode(WireReader in) throws ChunkStreamException {
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new Mark();
    }
  }

  /** Two known chunks, one with a sub-chunk, an unknown ancillary chunk between them, and CEND. */
  static final byte[] STREAM =
      withHeader()
          .chunk(
              "FlAg",
              w -> new TestCodecs.FlagsCodec().encode(
                  new Flags(true, "uart0", Color.GREEN, new int[] {1, 2, 3}), w))
          .chunk("loGs", "an ancillary log".getBytes(StandardCharsets.US_ASCII))
          .chunk("NoDe", w -> new TestCodecs.NodeCodec().encode(new Node(0, new Node(1, null)), w))
          .end()
          .bytes();

  /**
   * Only chunks with a codec, one with no data and the last with an unknown ancillary sub-chunk,
   * and CEND: read from CHDR to CEND in the one loop, where it is not damaged.
   */
  static final byte[] REGULAR =
      withHeader()
          .chunk(
              "FlAg",
              w -> new TestCodecs.FlagsCodec().encode(
                  new Flags(false, "rtc", Color.RED, new int[] {9}), w))
          .chunk("MaRk")
          .chunk("NoDe", w -> new TestCodecs.NodeCodec().encode(new Node(5, null), w))
          .chunk("NoDe", TestCodecs::nodeWithUnknownSubChunk)
          .end()
          .bytes();

  /** More states than a snapshot first makes room for, many times over. */
  static final byte[] LONG = longStream(70);

  private static byte[] longStream(int chunks) {
    StreamBuilder stream = withHeader();
    for (int i = 0; i < chunks; i++) {
      int n = i;
      switch (i % 3) {
        case 0 -> stream.chunk("MaRk");
        case 1 -> stream.chunk(
            "NoDe", w -> new TestCodecs.NodeCodec().encode(new Node(n, null), w));
        default -> stream.chunk(
            "FlAg",
            w -> new TestCodecs.FlagsCodec().encode(
                new Flags(n % 2 == 0, "dev" + n, Color.GREEN, new int[] {n}), w));
      }
    }
    return stream.end().bytes();
  }

  /** The read under test: its snapshot of {@code bytes} with {@code options}. */
  abstract Snapshot read(byte[] bytes, ReadOptions options) throws IOException;

  /** The two steps alone over the same source: the stream {@link #readInTwoSteps} reads. */
  abstract StateStream openForSteps(byte[] bytes, ReadOptions options) throws IOException;

  @Test
  void aRegularStreamReadsAsInTwoSteps() throws IOException {
    assertTrue(!sameOutcome(REGULAR, ReadOptions.defaults()));
    Snapshot snapshot = read(REGULAR, ReadOptions.defaults());
    assertEquals(
        List.of("NoDe/qqQq"), snapshot.skipped().stream().map(SkippedChunk::path).toList());
    assertEquals(4, snapshot.states().size());
  }

  @Test
  void aLongStreamReadsAsInTwoStepsIntoAListThatCannotChange() throws IOException {
    assertTrue(!sameOutcome(LONG, ReadOptions.defaults()));
    List<Object> states = read(LONG, ReadOptions.defaults()).states();
    assertEquals(70, states.size());
    assertEquals(new Mark(), states.get(69));
    assertEquals(new Node(67, null), states.get(67));
    assertThrows(UnsupportedOperationException.class, () -> states.add(new Mark()));
    assertThrows(UnsupportedOperationException.class, () -> states.set(0, new Mark()));
    assertThrows(IndexOutOfBoundsException.class, () -> states.get(70));
    assertThrows(IndexOutOfBoundsException.class, () -> states.get(-1));
  }

  @Test
  void everyFlippedBitFailsAsInTwoSteps() throws IOException {
    for (byte[] stream : List.of(STREAM, REGULAR)) {
      int failures = 0;
      for (int i = 8; i < stream.length; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] damaged = stream.clone();
          damaged[i] ^= (byte) (1 << bit);
          failures += sameOutcome(damaged, ReadOptions.defaults()) ? 1 : 0;
        }
      }
      // A flipped bit after the signature breaks a CRC, or the framing that a length gives.
      assertEquals(8 * (stream.length - 8), failures);
    }
  }

  @Test
  void everyCutFailsAsInTwoSteps() throws IOException {
    for (byte[] stream : List.of(STREAM, REGULAR)) {
      for (int n = 0; n < stream.length; n++) {
        assertTrue(sameOutcome(Arrays.copyOf(stream, n), ReadOptions.defaults()), "cut at " + n);
      }
      // A byte after CEND fails a read of a whole input; an embedded read leaves it unread.
      assertEquals(
          wholeInput(), sameOutcome(Arrays.copyOf(stream, stream.length + 1), ReadOptions.defaults()));
    }
  }

  /** Whether the read ends at the end of its input, as a read of a whole input does. */
  boolean wholeInput() {
    return true;
  }

  @Test
  void everyLimitFailsAsInTwoSteps() throws IOException {
    everyLimitFailsAsInTwoSteps(STREAM);
    everyLimitFailsAsInTwoSteps(REGULAR);
    everyLimitFailsAsInTwoSteps(LONG);
  }

  private void everyLimitFailsAsInTwoSteps(byte[] stream) throws IOException {
    List<UnaryOperator<ReadOptions>> limits = new ArrayList<>();
    for (long budget = 4; budget <= 1024; budget += 4) {
      long b = budget;
      limits.add(o -> o.withAllocationBudget(b));
    }
    // Up to limits no chunk of the stream can reach, which the one loop need not check.
    for (long chunks = 1; chunks <= stream.length / 12 + 1; chunks++) {
      long c = chunks;
      limits.add(o -> o.withMaxChunks(c));
    }
    for (long total = 12; total <= stream.length; total++) {
      long t = total;
      limits.add(o -> o.withMaxTotalBytes(t));
    }
    for (int length = 0; length <= stream.length + 1; length++) {
      int l = length;
      limits.add(o -> o.withMaxChunkLength(l));
    }
    int failed = 0;
    for (UnaryOperator<ReadOptions> limit : limits) {
      failed += sameOutcome(stream, limit.apply(ReadOptions.defaults())) ? 1 : 0;
    }
    // Each sweep reaches limits the stream passes, and limits it does not.
    assertTrue(failed > 0 && failed < limits.size(), failed + " of " + limits.size());
  }

  /**
   * Asserts that the read of {@code bytes} and the two-step read of them end alike; returns
   * whether they failed.
   */
  boolean sameOutcome(byte[] bytes, ReadOptions options) throws IOException {
    String oneLoop = outcome(() -> describe(states(read(bytes, options))));
    String twoSteps = outcome(() -> describe(readInTwoSteps(bytes, options)));
    assertEquals(twoSteps, oneLoop);
    return oneLoop.startsWith("failed: ");
  }

  /** What {@code StateReader} reads, with each chunk read by {@code next()} and {@code state()}. */
  private List<Object> readInTwoSteps(byte[] bytes, ReadOptions options) throws IOException {
    List<Object> states = new ArrayList<>();
    try (StateStream stream = openForSteps(bytes, options)) {
      states.add(stream.producer() + " 1." + stream.formatMinor());
      while (stream.next()) {
        stream.charge(64, stream.offset(), stream.type().value(), "a decoded state");
        long offset = stream.offset();
        states.add(stream.state());
        states.add("at " + offset);
      }
      states.add(stream.skipped());
    }
    return states;
  }

  private static List<Object> states(Snapshot snapshot) {
    List<Object> states = new ArrayList<>();
    states.add(snapshot.producer() + " 1." + snapshot.formatMinor());
    for (int i = 0; i < snapshot.states().size(); i++) {
      states.add(snapshot.states().get(i));
      states.add("at " + snapshot.offset(i));
    }
    states.add(snapshot.skipped());
    return states;
  }

  private static String describe(List<Object> states) {
    StringBuilder out = new StringBuilder();
    for (Object state : states) {
      out.append(state instanceof Flags f
          ? "Flags[" + f.on() + ", " + f.name() + ", " + f.color() + ", "
              + Arrays.toString(f.values()) + "]"
          : String.valueOf(state)).append('\n');
    }
    return out.toString();
  }

  private interface Read {
    String run() throws IOException;
  }

  private static String outcome(Read read) throws IOException {
    try {
      return read.run();
    } catch (ChunkStreamException e) {
      return "failed: " + e.getMessage();
    }
  }
}

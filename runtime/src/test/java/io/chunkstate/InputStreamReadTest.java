package io.chunkstate;

import static io.chunkstate.testing.StreamBuilder.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link StateReader#read(InputStream, ChunkRegistry, ReadOptions)} reads each run of regular
 * chunks in one loop ({@code FrameReader.readRegular}) and hands every other chunk, from its
 * header on, to the two steps of {@link StateStream#next()} and {@link StateStream#state()}: held
 * to their outcome over the same bytes by {@link OneLoopReadContract}, for a whole input, for an
 * input that arrives a byte at a time, and for an embedded read, which also leaves the same bytes
 * unread.
 */
class InputStreamReadTest extends OneLoopReadContract {
  @Override
  Snapshot read(byte[] bytes, ReadOptions options) throws IOException {
    return StateReader.read(new ByteArrayInputStream(bytes), REGISTRY, options);
  }

  @Override
  StateStream openForSteps(byte[] bytes, ReadOptions options) throws IOException {
    return StateStream.open(new ByteArrayInputStream(bytes), REGISTRY, options, true, false);
  }

  /**
   * A stream whose one {@code FlAg} chunk has {@code dataLength} bytes of data, then a chunk the
   * loop reads again after it.
   */
  private static byte[] withLongChunk(int dataLength) {
    // A flag's data: a boolean, a name, a color and a count, then four bytes an int.
    int fixed = 1 + 4 + 4 + 5 + 4;
    int ints = (dataLength - fixed - 1) / 4;
    String name = "n".repeat(dataLength - fixed - 4 * ints);
    int[] values = new int[ints];
    Arrays.fill(values, 7);
    byte[] stream =
        withHeader()
            .chunk(
                "FlAg",
                w -> new TestCodecs.FlagsCodec().encode(
                    new Flags(true, name, Color.GREEN, values), w))
            .chunk("MaRk")
            .end()
            .bytes();
    assertEquals(dataLength, ByteBuffer.wrap(stream).getInt(flagAt(stream)));
    return stream;
  }

  /** The offset of the {@code FlAg} chunk that follows {@code CHDR} in {@code stream}. */
  private static int flagAt(byte[] stream) {
    return 8 + 12 + ByteBuffer.wrap(stream).getInt(8);
  }

  @Test
  void aChunkAroundTheFirstBufferReadsAsInTwoSteps() throws IOException {
    // The loop takes a chunk whose type, data and CRC fill 64 KiB, and leaves a longer one to the
    // steps, which grow their buffer as its bytes arrive.
    for (int dataLength = 65_520; dataLength <= 65_536; dataLength++) {
      byte[] stream = withLongChunk(dataLength);
      assertTrue(!sameOutcome(stream, ReadOptions.defaults()), "data of " + dataLength);
      for (long budget = 65_400; budget <= 66_200; budget += 8) {
        sameOutcome(stream, ReadOptions.defaults().withAllocationBudget(budget));
      }
      sameOutcome(Arrays.copyOf(stream, stream.length - 20), ReadOptions.defaults());
    }
    assertTrue(!sameOutcome(withLongChunk(200_000), ReadOptions.defaults()));
  }

  @Test
  void aLengthNearTheLargestReadsAsInTwoSteps() throws IOException {
    byte[] stream = withLongChunk(65_520);
    int at = flagAt(stream);
    for (long length = Integer.MAX_VALUE - 16L; length <= 0xffff_ffffL; length += 1) {
      if (length == Integer.MAX_VALUE + 16L) {
        length = 0xffff_ffffL - 16; // and the largest a header can hold
      }
      byte[] damaged = stream.clone();
      for (int i = 0; i < 4; i++) {
        damaged[at + i] = (byte) (length >>> (24 - 8 * i));
      }
      assertTrue(sameOutcome(damaged, ReadOptions.defaults()), "length " + length);
      assertTrue(sameOutcome(damaged, ReadOptions.defaults().withMaxChunkLength(Integer.MAX_VALUE)));
    }
  }

  /** The same reads of an input that hands over one byte a call. */
  @Nested
  class ByteAtATime extends OneLoopReadContract {
    @Override
    Snapshot read(byte[] bytes, ReadOptions options) throws IOException {
      return StateReader.read(trickle(bytes), REGISTRY, options);
    }

    @Override
    StateStream openForSteps(byte[] bytes, ReadOptions options) throws IOException {
      return StateStream.open(trickle(bytes), REGISTRY, options, true, false);
    }

    private static InputStream trickle(byte[] bytes) {
      return new FilterInputStream(new ByteArrayInputStream(bytes)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return super.read(b, off, Math.min(len, 1));
        }
      };
    }
  }

  /** The same reads of a stream embedded in its input, with bytes after it. */
  @Nested
  class Embedded extends OneLoopReadContract {
    private static final byte[] AFTER = {1, 2, 3, 4, 5};

    @Override
    Snapshot read(byte[] bytes, ReadOptions options) throws IOException {
      return StateReader.readEmbedded(new ByteArrayInputStream(bytes), REGISTRY, options);
    }

    @Override
    StateStream openForSteps(byte[] bytes, ReadOptions options) throws IOException {
      // With the budget over the whole stream, as readEmbedded has it.
      return StateStream.open(new ByteArrayInputStream(bytes), REGISTRY, options, false, false);
    }

    @Override
    boolean wholeInput() {
      return false;
    }

    @Test
    void everyReadLeavesUnreadWhatTheStepsLeave() throws IOException {
      for (byte[] stream : new byte[][] {STREAM, REGULAR, LONG}) {
        byte[] followed = Arrays.copyOf(stream, stream.length + AFTER.length);
        System.arraycopy(AFTER, 0, followed, stream.length, AFTER.length);
        assertEquals(AFTER.length, leftAfterRead(followed));
        for (int i = 8; i < stream.length; i++) {
          byte[] damaged = followed.clone();
          damaged[i] ^= 0x10;
          assertEquals(leftAfterSteps(damaged), leftAfterRead(damaged), "flipped at " + i);
        }
      }
    }

    private int leftAfterRead(byte[] bytes) throws IOException {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      try {
        StateReader.readEmbedded(in, REGISTRY, ReadOptions.defaults());
      } catch (ChunkStreamException e) {
        // what is left after a failure counts as well
      }
      return in.available();
    }

    private int leftAfterSteps(byte[] bytes) throws IOException {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      try (StateStream stream =
          StateStream.open(in, REGISTRY, ReadOptions.defaults(), false, false)) {
        while (stream.next()) {
          stream.state();
        }
      } catch (ChunkStreamException e) {
        // what is left after a failure counts as well
      }
      return in.available();
    }
  }
}

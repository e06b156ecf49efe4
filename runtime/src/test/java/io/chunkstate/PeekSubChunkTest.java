package io.chunkstate;

import static io.chunkstate.testing.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link WireReader#peekSubChunk} and {@link WireReader#takeSubChunk}, with which a generated
 * codec reads the sub-chunk of a record of primitives in place: a sub-chunk is found exactly when
 * {@link WireReader#nextSubChunk()} would accept it with that type and length, and a read that
 * takes it so ends as one through {@code nextSubChunk} does, under every budget and nesting limit.
 */
class PeekSubChunkTest {
  private static final ChunkType DEVICE = ChunkType.of("DeVS");
  private static final ChunkType TIMER = ChunkType.of("TmRS");
  private static final int TIMER_DATA = 8;

  /** A device's data: an int, then its timer's sub-chunk, a long. */
  private static byte[] device(byte[] timerChunk) {
    return ByteBuffer.allocate(4 + timerChunk.length).putInt(42).put(timerChunk).array();
  }

  private static byte[] timer(long deadline) {
    return frame(TIMER, ByteBuffer.allocate(TIMER_DATA).putLong(deadline).array());
  }

  @Test
  void findsTheSubChunkInPlaceAndTakesIt() throws ChunkStreamException {
    WireReader in = WireReader.of(DEVICE, device(timer(-5L)));
    assertEquals(42, in.readInt());
    int left = in.remaining();
    int at = in.peekSubChunk(TIMER.value(), TIMER_DATA);
    assertEquals(4 + 8, at, "the index of the timer's data in the device's bytes");
    assertEquals(left, in.remaining(), "peeking reads nothing");
    assertEquals(-5L, in.getLong(at));
    in.takeSubChunk(at);
    assertEquals(0, in.remaining());
  }

  @Test
  void anotherTypeOrLengthIsNotFound() throws ChunkStreamException {
    WireReader in = WireReader.of(DEVICE, device(timer(-5L)));
    in.readInt();
    assertEquals(-1, in.peekSubChunk(ChunkType.of("TmRs").value(), TIMER_DATA));
    assertEquals(-1, in.peekSubChunk(TIMER.value(), TIMER_DATA - 1));
    assertEquals(-1, in.peekSubChunk(TIMER.value(), TIMER_DATA + 1));
    assertEquals(-1, in.peekSubChunk(TIMER.value(), -1));
    assertEquals(-1, in.peekSubChunk(TIMER.value(), Integer.MAX_VALUE));
    assertEquals(-1, in.peekSubChunk(ChunkType.CEND.value(), 0), "only a sub-chunk is found");
    assertEquals(TIMER, in.nextSubChunk().type(), "and the sub-chunk is still there to read");
  }

  /**
   * Every byte of the sub-chunk set to every value: the sub-chunk is found exactly when {@code
   * nextSubChunk} returns a reader of its type and length, and then at the same data.
   */
  @Test
  void foundExactlyWhenNextSubChunkAcceptsIt() throws ChunkStreamException {
    byte[] valid = device(timer(0x0102030405060708L));
    int checked = 0;
    for (int i = 4; i < valid.length; i++) {
      for (int value : new int[] {0x00, 0x01, 0x08, 0x13, 0x20, 0x41, 0x7f, 0x80, 0xff}) {
        byte[] data = valid.clone();
        data[i] = (byte) value;
        WireReader peeking = WireReader.of(DEVICE, data);
        peeking.readInt();
        int at = peeking.peekSubChunk(TIMER.value(), TIMER_DATA);
        WireReader reading = WireReader.of(DEVICE, data);
        reading.readInt();
        boolean accepted;
        try {
          WireReader sub = reading.nextSubChunk();
          accepted = sub.typeValue() == TIMER.value() && sub.length() == TIMER_DATA;
          if (accepted) {
            assertEquals(sub.readLong(), peeking.getLong(at), "byte " + i + " set to " + value);
          }
        } catch (ChunkStreamException e) {
          accepted = false;
        }
        assertEquals(accepted, at >= 0, "byte " + i + " set to " + value);
        checked++;
      }
    }
    assertTrue(checked > 100);
  }

  @Test
  void takingWhatWasNotFoundIsTheCallersMistake() throws ChunkStreamException {
    WireReader in = WireReader.of(DEVICE, device(timer(1)));
    in.readInt();
    int at = in.peekSubChunk(TIMER.value(), TIMER_DATA);
    assertThrows(IllegalArgumentException.class, () -> in.takeSubChunk(at + 1));
    assertThrows(IllegalArgumentException.class, () -> in.takeSubChunk(0));
    WireReader empty = WireReader.of(DEVICE, new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> empty.takeSubChunk(8));
    in.takeSubChunk(at);
    assertThrows(IllegalArgumentException.class, () -> in.takeSubChunk(at), "taken once");
  }

  @Test
  void aRefusalOfWhatWasReadInPlaceIsNamedAtTheSubChunk() throws ChunkStreamException {
    byte[] data = device(timer(-5L));
    WireReader in = WireReader.of(DEVICE, data);
    in.readInt();
    int at = in.peekSubChunk(TIMER.value(), TIMER_DATA);
    in.takeSubChunk(at);
    IllegalStateException cause = new IllegalStateException("a deadline in the past");
    ChunkStreamException e = in.refusedInSubChunk(at, "p.Timer", cause);
    WireReader through = WireReader.of(DEVICE, data);
    through.readInt();
    ChunkStreamException expected = through.nextSubChunk().refused("p.Timer", cause);
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals(12, e.offset(), "the timer's offset: the device's data begins at byte 8");
    assertEquals("DeVS/TmRS", e.path());
    assertEquals(expected.detail(), e.detail());
    assertEquals(cause, e.getCause());
    assertThrows(IllegalArgumentException.class, () -> in.refusedInSubChunk(0, "p.Timer", cause));
    assertThrows(
        OutOfMemoryError.class,
        () -> in.refusedInSubChunk(at, "p.Timer", new OutOfMemoryError("no refusal")));
  }

  /** Reads the device's timer in place where it can, as a generated codec does. */
  private static final class InPlaceCodec extends DeviceCodec {
    @Override
    long timer(WireReader in) throws ChunkStreamException {
      int at = in.peekSubChunk(TIMER.value(), TIMER_DATA);
      if (at >= 0) {
        long deadline = in.getLong(at);
        in.takeSubChunk(at);
        return deadline;
      }
      return super.timer(in);
    }
  }

  /** Reads the device's timer through {@code nextSubChunk}. */
  private static class DeviceCodec implements ChunkCodec<long[]> {
    @Override
    public ChunkType type() {
      return DEVICE;
    }

    @Override
    public Class<long[]> stateClass() {
      return long[].class;
    }

    @Override
    public void encode(long[] state, WireWriter out) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public long[] decode(WireReader in) throws ChunkStreamException {
      long id = in.readInt();
      long deadline = timer(in);
      while (in.hasRemaining()) {
        in.skipUnknown(in.nextSubChunk());
      }
      return new long[] {id, deadline};
    }

    long timer(WireReader in) throws ChunkStreamException {
      WireReader sub = in.nextSubChunk();
      return sub.readLong();
    }
  }

  private static String outcome(byte[] stream, ChunkCodec<?> codec, ReadOptions options) {
    try {
      Snapshot snapshot = StateReader.read(stream, ChunkRegistry.of(codec), options);
      long[] state = (long[]) snapshot.states().get(0);
      return state[0] + " " + state[1] + " skipped " + snapshot.skipped();
    } catch (ChunkStreamException e) {
      return e.kind() + " at " + e.offset() + " " + e.path() + ": " + e.detail();
    }
  }

  /**
   * A stream of a device whose timer is followed by an ancillary sub-chunk: read in place and
   * through {@code nextSubChunk}, under every budget up to the one that reads it and every
   * nesting limit, the two reads end the same, state or error.
   */
  @Test
  void aReadInPlaceEndsAsOneThroughNextSubChunkUnderEveryLimit() {
    byte[] extra = frame(ChunkType.of("exTr"), new byte[] {1, 2, 3});
    byte[] timed = device(timer(77L));
    byte[] data = ByteBuffer.allocate(timed.length + extra.length).put(timed).put(extra).array();
    byte[] stream = StreamBuilder.withHeader().chunk("DeVS", data).end().bytes();
    String read = outcome(stream, new InPlaceCodec(), ReadOptions.defaults());
    assertTrue(read.startsWith("42 77 skipped [") && read.contains("exTr"), read);
    int limits = 0;
    for (long budget = 1; budget <= 4096; budget++) {
      ReadOptions options = ReadOptions.defaults().withAllocationBudget(budget);
      String inPlace = outcome(stream, new InPlaceCodec(), options);
      assertEquals(outcome(stream, new DeviceCodec(), options), inPlace, "budget " + budget);
      limits += inPlace.startsWith("LIMIT") && inPlace.contains("DeVS/TmRS") ? 1 : 0;
    }
    assertTrue(limits > 0, "some budget runs out at the timer's sub-chunk");
    for (int levels = 0; levels <= 2; levels++) {
      ReadOptions options = ReadOptions.defaults().withMaxNesting(levels);
      assertEquals(
          outcome(stream, new DeviceCodec(), options),
          outcome(stream, new InPlaceCodec(), options),
          "nesting limit " + levels);
    }
  }
}

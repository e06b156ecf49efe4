package io.chunkstate.conformance;

import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random states of every wire type survive encode → bytes → decode unchanged, to the bit: NaN
 * payloads, nulls inside lists and arrays, empty and large arrays, strings beyond the BMP. Each
 * seed is a fixed, repeatable case.
 */
class RoundTripTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();
  private static final EverythingChunkCodec EVERYTHING = new EverythingChunkCodec();
  private static final GaugeChunkCodec GAUGE = new GaugeChunkCodec();

  @Test
  void aHundredRandomStatesRoundTripToTheBit() throws ChunkStreamException {
    for (long seed = 0; seed < 100; seed++) {
      Everything original = new RandomStates(seed).everything();
      byte[] data = encode(EVERYTHING, original);
      Everything decoded = EVERYTHING.decode(WireReader.of(EVERYTHING.type(), data));
      assertDeepEquals(original, decoded);
      // Raw bits, not just equals: a canonicalised NaN would change the bytes.
      assertArrayEquals(data, encode(EVERYTHING, decoded), "seed " + seed);
    }
  }

  @Test
  void randomStatesRoundTripThroughAWholeStream() throws IOException {
    List<Object> states = new ArrayList<>();
    for (long seed = 100; seed < 110; seed++) {
      states.add(new RandomStates(seed).everything());
      states.add(new RandomStates(seed).gauge());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(bytes, "round-trip", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    Snapshot snapshot = StateReader.read(bytes.toByteArray(), REGISTRY);
    assertDeepEquals(states, snapshot.states());
    assertEquals(List.of(), snapshot.skipped());
  }

  @Test
  void aNullSubChunkSendsNothingAndANullListReadsBackEmpty() throws ChunkStreamException {
    Everything withNulls = withSubChunks(new RandomStates(7).everything(), null, null);
    Everything withEmpty = withSubChunks(withNulls, null, List.of());

    byte[] data = encode(EVERYTHING, withNulls);
    assertArrayEquals(encode(EVERYTHING, withEmpty), data, "null and empty send the same");
    Everything decoded = EVERYTHING.decode(WireReader.of(EVERYTHING.type(), data));
    assertNull(decoded.gauge());
    assertEquals(List.of(), decoded.notes());
  }

  @Test
  void aNullElementInAListOfSubChunksIsRefusedWhenWriting() {
    List<Note> notes = Arrays.asList(new Note(1, "a"), null);
    Everything state = withSubChunks(new RandomStates(8).everything(), null, notes);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> encode(EVERYTHING, state));
    assertTrue(e.getMessage().contains("Everything.notes holds null at index 1"), e.getMessage());
  }

  @Test
  void aStringWithALoneSurrogateIsRefusedWhenWriting() {
    Gauge gauge = new Gauge(1.0, "ok\ud800", null);
    assertThrows(IllegalArgumentException.class, () -> encode(GAUGE, gauge));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void decodeIntoUpdatesALiveObject(long seed) throws ChunkStreamException {
    Gauge source = new RandomStates(seed).gauge();
    Gauge live = new Gauge(-1, "before", new float[] {1f});
    live.reads = 42;
    assertTrue(GAUGE.canDecodeInto());
    GAUGE.decodeInto(live, WireReader.of(GAUGE.type(), encode(GAUGE, source)));
    assertEquals(source, live);
    assertEquals(42, live.reads, "transient state is not touched");
  }

  @Test
  void aFailedDecodeIntoLeavesTheTargetUnchanged() {
    Gauge source = new Gauge(2.5, "volt", new float[] {1f, 2f});
    byte[] data = encode(GAUGE, source);
    byte[] cut = Arrays.copyOf(data, data.length - 1); // the last float is incomplete
    Gauge live = new Gauge(-1, "before", new float[] {9f});
    Gauge copy = new Gauge(-1, "before", new float[] {9f});
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> GAUGE.decodeInto(live, WireReader.of(GAUGE.type(), cut)));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    assertEquals(copy, live);
    assertNotEquals(source, live);
  }

  @Test
  void anEnumNameTheReaderLacksIsADataError() {
    DeviceStateChunkCodec codec = new DeviceStateChunkCodec();
    byte[] data = encode(codec, AllocationTest.device()); // shade LIGHT
    data[indexOf(data, "LIGHT".getBytes(StandardCharsets.US_ASCII))] = 'N';
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> codec.decode(WireReader.of(codec.type(), data)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertTrue(e.getMessage().contains("\"NIGHT\""), e.getMessage());
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  static <T> byte[] encode(ChunkCodec<T> codec, T state) {
    WireWriter out = new WireWriter();
    codec.encode(state, out);
    return out.toByteArray();
  }

  private static Everything withSubChunks(Everything e, Gauge gauge, List<Note> notes) {
    return new Everything(
        e.flag(), e.b(), e.s(), e.c(), e.i(), e.l(), e.f(), e.d(), e.boxedFlag(), e.boxedByte(),
        e.boxedShort(), e.boxedChar(), e.boxedInt(), e.boxedLong(), e.boxedFloat(),
        e.boxedDouble(), e.text(), e.shade(), e.bytes(), e.flags(), e.shorts(), e.chars(),
        e.ints(), e.longs(), e.floats(), e.doubles(), e.texts(), e.shades(), e.matrix(),
        e.pairs(), e.tags(), e.counts(), e.readings(), e.shadeList(), e.blobs(), e.nested(),
        e.pairList(), e.pair(), gauge, notes);
  }
}

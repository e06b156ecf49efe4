package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.testing.Generator;
import io.chunkstate.testing.PropertyCheck;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.States;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample schemas (and the recursive {@link Nest}) under random states, through the codecs the
 * processor generated: decode(encode(x)) equals x, the encoding is deterministic, and unknown
 * ancillary chunks inserted anywhere in a stream change nothing but {@link Snapshot#skipped()}.
 * Each property runs on many random cases; a failure names the seed and case that replay it.
 */
class SamplePropertiesTest {
  private static final ChunkRegistry REGISTRY = BaseStreams.REGISTRY;

  private static <T> byte[] encode(ChunkCodec<T> codec, Object state) {
    WireWriter out = new WireWriter();
    codec.encode(codec.stateClass().cast(state), out);
    return out.toByteArray();
  }

  private static ChunkCodec<?> codecFor(Object state) {
    return REGISTRY.codecFor(state.getClass()).orElseThrow();
  }

  @Test
  void everySampleStateDecodesToItself() {
    PropertyCheck.forAll("decode(encode(state)) == state", 2000, g -> {
      Object state = SampleStates.any(g);
      ChunkCodec<?> codec = codecFor(state);
      WireReader in = WireReader.of(codec.type(), encode(codec, state));
      States.assertDeepEquals(state, codec.decode(in));
      assertEquals(0, in.remaining(), "the codec left data unread");
    });
  }

  @Test
  void encodingIsDeterministic() {
    PropertyCheck.forAll("encoding is deterministic", 1000, g -> {
      List<Object> states = SampleStates.some(g, 4);
      for (Object state : states) {
        ChunkCodec<?> codec = codecFor(state);
        assertArrayEquals(encode(codec, state), encode(codec, state));
      }
      assertArrayEquals(
          BaseStreams.write(states.toArray()), BaseStreams.write(states.toArray()));
    });
  }

  @Test
  void unknownAncillaryChunksAnywhereAreSkippedAndReportedAndChangeNothingElse() {
    PropertyCheck.forAll("inserted unknown ancillary chunks are skipped", 1000, g -> {
      List<Object> states = SampleStates.some(g, 6);
      byte[] written = BaseStreams.write(states.toArray());
      byte[] signature = Arrays.copyOf(written, 8);
      List<ChunkTree> chunks = ChunkTree.parse(written);
      // The tree holds the whole stream: written back as it is, it is the same bytes.
      assertArrayEquals(written, ChunkTree.write(signature, chunks, new ArrayList<>()));

      // Unknown chunks go between CHDR and CEND, or into the states' chunks at any depth.
      List<ChunkTree> stateChunks = chunks.subList(1, chunks.size() - 1);
      int inserts = g.between(0, 6);
      for (int i = 0; i < inserts; i++) {
        insertUnknown(g, stateChunks);
      }
      List<SkippedChunk> expected = new ArrayList<>();
      byte[] stream = ChunkTree.write(signature, chunks, expected);

      for (Sources source : new Sources[] {null, Sources.ONE_BYTE_AT_A_TIME}) {
        Snapshot snapshot =
            source == null
                ? StateReader.read(stream, REGISTRY)
                : StateReader.read(source.open(stream), REGISTRY);
        States.assertDeepEquals(states, snapshot.states());
        assertEquals(expected, snapshot.skipped());
      }
    });
  }

  /**
   * Inserts a chunk of an ancillary type that no codec knows, with random data, either among the
   * top-level chunks or among the sub-chunks of any chunk at any depth.
   */
  private static void insertUnknown(Generator g, List<ChunkTree> topLevel) {
    ChunkTree unknown = ChunkTree.unknown(unknownAncillary(g), g.bytes(g.between(0, 40)));
    List<ChunkTree> parents = new ArrayList<>();
    for (ChunkTree chunk : topLevel) {
      parents.addAll(chunk.parents());
    }
    List<ChunkTree> into =
        parents.isEmpty() || g.oneIn(3)
            ? topLevel
            : parents.get(g.between(0, parents.size())).subChunks;
    into.add(g.between(0, into.size() + 1), unknown);
  }

  private static ChunkType unknownAncillary(Generator g) {
    while (true) {
      ChunkType type = ChunkType.of(g.aTypeCode());
      if (type.isAncillary() && REGISTRY.codecFor(type).isEmpty()) {
        return type;
      }
    }
  }
}

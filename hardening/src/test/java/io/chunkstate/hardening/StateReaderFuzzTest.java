package io.chunkstate.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.States;
import java.io.ByteArrayOutputStream;

/**
 * The state reader over arbitrary bytes: only a complete snapshot or a {@code
 * ChunkStreamException}; the same outcome from a byte array and from a stream delivering one byte
 * per read; and a snapshot that, written out again, reads back to the same states.
 */
class StateReaderFuzzTest {
  private static final ChunkRegistry REGISTRY = BaseStreams.REGISTRY;

  @FuzzTest(maxDuration = "15s")
  void readsCompletelyOrFailsPrecisely(byte[] bytes) throws Exception {
    Snapshot[] snapshot = new Snapshot[2];
    Outcome fromArray =
        Outcome.of(
            () -> {
              snapshot[0] = StateReader.read(bytes, REGISTRY);
              return Outcome.describe(snapshot[0]);
            });
    Outcome fromStream =
        Outcome.of(
            () -> {
              snapshot[1] = StateReader.read(Sources.ONE_BYTE_AT_A_TIME.open(bytes), REGISTRY);
              return Outcome.describe(snapshot[1]);
            });
    assertEquals(fromArray, fromStream);

    if (fromArray.ok()) {
      States.assertDeepEquals(snapshot[0].states(), snapshot[1].states());
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
      try (StateWriter writer = StateWriter.open(rewritten, snapshot[0].producer(), REGISTRY)) {
        for (Object state : snapshot[0].states()) {
          writer.write(state);
        }
        writer.finish();
      }
      Snapshot again = StateReader.read(rewritten.toByteArray(), REGISTRY);
      States.assertDeepEquals(snapshot[0].states(), again.states());
      assertEquals(snapshot[0].producer(), again.producer());
    }
  }
}

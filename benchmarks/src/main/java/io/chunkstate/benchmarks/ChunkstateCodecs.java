package io.chunkstate.benchmarks;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.StateWriter;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * chunkstate as a user holds it: the registry of generated codecs that {@link ChunkRegistry#load()}
 * finds on the class path, and streams written with {@link StateWriter}.
 */
public final class ChunkstateCodecs {
  /** The producer name every benchmark stream carries in its {@code CHDR}. */
  public static final String PRODUCER = "chunkstate-benchmarks";

  /** The generated codecs of the benchmark state. */
  public static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  private ChunkstateCodecs() {}

  /** The generated codec for {@code type}. */
  public static <T> ChunkCodec<T> codec(Class<T> type) {
    return REGISTRY
        .codecFor(type)
        .orElseThrow(() -> new IllegalStateException("no generated codec for " + type));
  }

  /** Writes {@code states} as one stream into {@code sink}, from its start. */
  public static void writeStream(ByteSink sink, List<?> states) {
    sink.reset();
    try (StateWriter writer = StateWriter.open(sink, PRODUCER, REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a machine snapshot, devices then pages, as one stream into {@code sink}. */
  public static void writeStream(ByteSink sink, MachineSnapshot machine) {
    sink.reset();
    try (StateWriter writer = StateWriter.open(sink, PRODUCER, REGISTRY)) {
      for (Object device : machine.devices()) {
        writer.write(device);
      }
      for (Object page : machine.pages()) {
        writer.write(page);
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

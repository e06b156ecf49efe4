package io.chunkstate.samples;

import io.chunkstate.framing.ChunkInput;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Saves the devices of a small machine, lists the chunks it wrote, restores them, and checks that
 * what came back equals what went out.
 *
 * <pre>
 * mvn -B -q -pl samples -am compile -Pdemo
 * </pre>
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws IOException {
    if (!run(System.out)) {
      System.exit(1);
    }
  }

  /** Runs the demo, printing to {@code out}; returns whether the restored devices are equal. */
  static boolean run(PrintStream out) throws IOException {
    ChunkRegistry registry = ChunkRegistry.load();
    out.println("Codecs found by ChunkRegistry.load():");
    out.print(registry.describe().indent(2));

    List<Object> devices = Machine.devices();
    byte[] stream = Machine.save(devices, registry);
    out.println("Wrote " + stream.length + " bytes:");
    try (ChunkInput input = ChunkInput.open(stream, Signature.CHUNKSTATE)) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        out.printf(
            "  %-4s at %4d, %4d bytes  %s%n",
            chunk.type().code(), chunk.offset(), chunk.length(), chunk.type().properties());
      }
    }

    Snapshot snapshot = Machine.restore(stream, registry);
    out.println("Restored from " + snapshot.producer() + ":");
    for (Object device : snapshot.states()) {
      out.println("  " + device);
    }
    boolean equal = snapshot.states().equals(devices);
    out.println(equal ? "Every device equals its original." : "The devices differ!");
    return equal;
  }
}

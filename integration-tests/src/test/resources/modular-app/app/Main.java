package app;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.TreeSet;

/** Writes and reads a stream on the module path, and says what it found. */
public final class Main {
  public static void main(String[] args) throws IOException {
    ChunkRegistry registry = ChunkRegistry.load();
    System.out.println("codecs " + registry);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "modular app", registry)) {
      writer.write(new UartState(12, (byte) 3, new byte[] {1, 2}));
      writer.finish();
    }
    UartState read =
        StateReader.read(new ByteArrayInputStream(out.toByteArray()), registry)
            .get(UartState.class);
    System.out.println(
        "restored divisor=" + read.divisor() + " lineControl=" + read.lineControl() + " fifo="
            + Arrays.toString(read.fifo()));
    ModuleDescriptor runtime = StateReader.class.getModule().getDescriptor();
    TreeSet<String> exported = new TreeSet<>();
    runtime.exports().forEach(e -> exported.add(e.source()));
    System.out.println("module " + runtime.name() + " exports " + exported);
  }
}

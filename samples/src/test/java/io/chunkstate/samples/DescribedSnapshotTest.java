package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.Snapshot;
import io.chunkstate.SnapshotFile;
import io.chunkstate.StateWriter;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.TypeDescription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot files describe themselves in a dESc chunk; migration streams do not by default. */
class DescribedSnapshotTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  private static List<RawChunk> chunks(byte[] stream) throws IOException {
    List<RawChunk> chunks = new ArrayList<>();
    try (ChunkInput input = ChunkInput.open(stream, Signature.CHUNKSTATE)) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        chunks.add(chunk);
      }
    }
    return chunks;
  }

  @Test
  void aSnapshotFileCarriesTheDescriptionOfEveryChunkType(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("machine.chk");
    List<Object> devices = Machine.devices();
    SnapshotFile.write(file, "samples", REGISTRY, writer -> {
      for (Object device : devices) {
        writer.write(device);
      }
    });
    List<RawChunk> chunks = chunks(Files.readAllBytes(file));
    assertEquals(ChunkType.CHDR, chunks.get(0).type());
    RawChunk desc = chunks.get(1);
    assertEquals(ChunkType.DESC, desc.type(), "right after CHDR");
    List<TypeDescription> described = DescChunk.decode(desc.data(), desc.offset());
    List<TypeDescription> expected = REGISTRY.descriptions();
    assertEquals(expected.size(), described.size());
    assertTrue(described.containsAll(expected), described.toString());
    assertTrue(
        described.stream().anyMatch(d -> d.type().code().equals("PcIs") && "address".equals(d.key())),
        "the PCI device's key travels too");

    // The reader checks the description against its own codecs, and reads the state whole.
    Snapshot snapshot = SnapshotFile.read(file, REGISTRY);
    assertEquals(devices, snapshot.states());
    assertEquals(List.of(), snapshot.skipped());
  }

  @Test
  void aStreamHasNoDescriptionUnlessAskedFor() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "samples", REGISTRY)) {
      writer.write(Machine.devices().get(0));
      writer.finish();
    }
    assertTrue(chunks(out.toByteArray()).stream().noneMatch(c -> c.type().equals(ChunkType.DESC)));
  }
}

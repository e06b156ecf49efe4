package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.SnapshotFile;
import io.chunkstate.samples.Machine;
import java.io.IOException;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot file carries its own description (dESc): the inspector, given no class path and no
 * registry, prints every field value by name from it.
 */
class DescribedStreamTest {
  @Test
  void aSnapshotFileIsPrintedFieldByFieldWithNoClassesAndNoRegistry(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("machine.chk");
    SnapshotFile.write(file, "chunkstate-samples 1.0", ChunkRegistry.load(), writer -> {
      for (Object device : Machine.devices()) {
        writer.write(device);
      }
    });
    Cli.Result result = Cli.run("inspect", file.toString());
    assertEquals(0, result.status(), result.out() + result.err());
    for (String value :
        new String[] {
          "address=\"0000:00:1f.2\"", "address=\"0000:00:03.0\"", "functionMasked=false",
          "divisor=1", "receiveFifo=", "bytesServed=4096", "seed=<5e 3d 11 a7>", "selected=14",
          "armed=true"
        }) {
      assertTrue(result.out().contains(value), value + " in:\n" + result.out());
    }
    assertTrue(result.out().contains("dESc"), result.out());

    // Without the dESc chunk, the same tool has nothing to name the fields with.
    Path bare = Cli.write(dir, "bare.chk", Machine.save(Machine.devices(), ChunkRegistry.load()));
    Cli.Result without = Cli.run("inspect", bare.toString());
    assertFalse(without.out().contains("address=\"0000:00:1f.2\""), without.out());
  }

  /**
   * LAYOUT: a snapshot whose dESc describes the clock's inline fields in another order than the
   * codecs on the class path, as a file from another release would.
   */
  @Test
  void aDescriptionThatDiffersFromTheCodecsIsLayout(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.chk");
    SnapshotFile.write(good, "chunkstate-samples 1.0", ChunkRegistry.load(), writer -> {
      for (Object device : Machine.devices()) {
        writer.write(device);
      }
    });
    byte[] stream = java.nio.file.Files.readAllBytes(good);
    int chdrLength = java.nio.ByteBuffer.wrap(stream, 8, 4).getInt();
    int descAt = 8 + 12 + chdrLength;
    int descLength = java.nio.ByteBuffer.wrap(stream, descAt, 4).getInt();
    byte[] data = java.util.Arrays.copyOfRange(stream, descAt + 8, descAt + 8 + descLength);
    List<TypeDescription> types = new ArrayList<>();
    for (TypeDescription type : DescChunk.decode(data, descAt)) {
      if (type.type().code().equals("RtCc")) {
        List<FieldDescription> fields = new ArrayList<>(type.fields());
        java.util.Collections.swap(fields, 0, 1);
        type = new TypeDescription(type.type(), type.className(), fields, type.subChunks(), type.key());
      }
      types.add(type);
    }
    byte[] forged = DescChunk.encode(types);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(stream, 0, descAt);
    java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(12 + forged.length);
    frame.putInt(forged.length).put("dESc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .put(forged);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(frame.array(), 4, 4 + forged.length);
    frame.putInt((int) crc.getValue());
    out.write(frame.array(), 0, frame.capacity());
    int rest = descAt + 12 + descLength;
    out.write(stream, rest, stream.length - rest);
    Path file = Cli.write(dir, "other-release.chk", out.toByteArray());

    Cli.Result result =
        Cli.run("inspect", "--classpath", Cli.samplesClassPath().toString(), file.toString());
    assertEquals(1, result.status(), result.out() + result.err());
    assertTrue(result.out().contains("LAYOUT at offset " + descAt + " in dESc"), result.out());
    assertTrue(result.out().contains("RtCc"), result.out());
  }
}

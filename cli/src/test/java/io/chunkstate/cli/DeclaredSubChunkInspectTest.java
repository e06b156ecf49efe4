package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.SnapshotFile;
import io.chunkstate.samples.machine.FloppyController;
import io.chunkstate.samples.machine.UsbDevice;
import io.chunkstate.samples.machine.XhciController;
import io.chunkstate.samples.machine.XhciEndpoint;
import io.chunkstate.samples.machine.XhciPort;
import io.chunkstate.samples.machine.XhciSlot;
import io.chunkstate.samples.machine.XhciTimer;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sub-chunk code that a field declares is known under its parent only: the inspector prints a
 * floppy controller's {@code tiMr} with the motor timer's fields and an xHCI controller's {@code
 * tiMr} with the microframe timer's, and one its parent does not describe as unknown.
 */
class DeclaredSubChunkInspectTest {

  private static Path snapshot(Path dir) throws IOException {
    FloppyController fdc = new FloppyController();
    fdc.startMotor(0, 2_000_000_000L);
    XhciEndpoint control = new XhciEndpoint((byte) 1, 0xfee0_0000L, true, List.of());
    XhciController xhci =
        new XhciController(
            1,
            0,
            new XhciSlot[] {new XhciSlot(1, (byte) 3, new XhciEndpoint[] {control})},
            new XhciPort[] {
              new XhciPort(1, 0x203, List.of(new UsbDevice((byte) 1, (byte) 3, "keyboard")))
            },
            new XhciTimer(0xffff_fff0, 5L));
    Path file = dir.resolve("controllers.chk");
    SnapshotFile.write(file, "chunkstate-samples 1.0", ChunkRegistry.load(), writer -> {
      writer.write(fdc);
      writer.write(xhci);
    });
    return file;
  }

  /** The line of the first sub-chunk {@code code} after the line of chunk {@code parent}. */
  private static String lineUnder(String out, String parent, String code) {
    String[] lines = out.split("\n");
    boolean inParent = false;
    for (String line : lines) {
      if (line.contains("  " + parent + "  ")) {
        inParent = true;
      } else if (inParent && line.contains(code + "  ")) {
        return line;
      }
    }
    throw new AssertionError(code + " under " + parent + " in:\n" + out);
  }

  @Test
  void eachParentsTimerIsPrintedWithItsOwnFields(@TempDir Path dir) throws IOException {
    Path file = snapshot(dir);
    for (String[] args :
        List.of(
            new String[] {"inspect", file.toString()},
            new String[] {
              "inspect", "--registry", Cli.samplesRegistry(dir).toString(), file.toString()
            })) {
      Cli.Result result = Cli.run(args);
      assertEquals(0, result.status(), result.out() + result.err());
      String floppyTimer = lineUnder(result.out(), "FdCt", "tiMr");
      assertTrue(floppyTimer.contains("expiresNs=2000000000"), result.out());
      assertTrue(floppyTimer.contains("armed=true"), result.out());
      String xhciTimer = lineUnder(result.out(), "XhCi", "tiMr");
      assertTrue(xhciTimer.contains("mfindex=4294967280"), result.out());
      assertTrue(xhciTimer.contains("startNs=5"), result.out());
      assertTrue(lineUnder(result.out(), "XhCi", "XuSb").contains("product=\"keyboard\""),
          result.out());
    }
  }

  @Test
  void aCodeItsParentDoesNotDescribeIsUnknownThere(@TempDir Path dir) throws IOException {
    byte[] stream = Files.readAllBytes(snapshot(dir));
    int descAt = Cli.topLevel(stream, "dESc");
    int descLength = ByteBuffer.wrap(stream, descAt, 4).getInt();
    byte[] data = Arrays.copyOfRange(stream, descAt + 8, descAt + 8 + descLength);
    List<TypeDescription> types = new ArrayList<>();
    for (TypeDescription type : DescChunk.decode(data, descAt)) {
      if (type.type().code().equals("FdCt")) {
        List<SubChunkField> subs = new ArrayList<>(type.subChunks());
        subs.removeIf(s -> s.name().equals("motorTimer"));
        type = new TypeDescription(type.type(), type.className(), type.fields(), subs, type.key());
      }
      types.add(type);
    }
    byte[] forged = DescChunk.encode(types);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(stream, 0, descAt);
    ByteBuffer frame = ByteBuffer.allocate(12 + forged.length);
    frame.putInt(forged.length).put("dESc".getBytes(StandardCharsets.US_ASCII)).put(forged);
    CRC32 crc = new CRC32();
    crc.update(frame.array(), 4, 4 + forged.length);
    frame.putInt((int) crc.getValue());
    out.write(frame.array(), 0, frame.capacity());
    int rest = descAt + 12 + descLength;
    out.write(stream, rest, stream.length - rest);
    Path file = Cli.write(dir, "older.chk", out.toByteArray());

    Cli.Result result = Cli.run("inspect", file.toString());
    assertEquals(0, result.status(), result.out() + result.err());
    assertFalse(lineUnder(result.out(), "FdCt", "tiMr").contains("expiresNs="), result.out());
    assertTrue(lineUnder(result.out(), "XhCi", "tiMr").contains("mfindex="), result.out());
  }
}

package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.Restore;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.samples.machine.FloppyController;
import io.chunkstate.samples.machine.FloppyDrive;
import io.chunkstate.samples.machine.SerialFifo;
import io.chunkstate.samples.machine.SerialFifos;
import io.chunkstate.samples.machine.UsbDevice;
import io.chunkstate.samples.machine.XhciController;
import io.chunkstate.samples.machine.XhciEndpoint;
import io.chunkstate.samples.machine.XhciPort;
import io.chunkstate.samples.machine.XhciSlot;
import io.chunkstate.samples.machine.XhciTimer;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The device models of issue 13's shapes: a floppy controller's drives as an array of sub-chunks,
 * a UART's two FIFOs as one struct under two declared sub-chunk codes, an xHCI controller's slots
 * of endpoints (arrays of structs in structs) and ports of devices (sub-chunks in sub-chunks), and
 * one code, {@code tiMr}, meaning two timers under two controllers.
 */
class DeviceShapesTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  static FloppyController floppy() {
    FloppyController fdc = new FloppyController();
    fdc.drive(0).seek(40, 1);
    fdc.drive(1).changeMedia();
    fdc.startMotor(0, 2_000_000_000L);
    return fdc;
  }

  static SerialFifos fifos() {
    return new SerialFifos(
        0x3f8, (byte) 8, SerialFifo.empty().with((byte) 'o', (byte) 'k'), SerialFifo.empty());
  }

  static XhciController xhci() {
    XhciEndpoint control = new XhciEndpoint((byte) 1, 0xffff_ffff_f000_0000L, true, List.of());
    XhciEndpoint bulkIn = new XhciEndpoint((byte) 1, 0x1000_2000L, false, List.of(0x1000_2010L));
    XhciSlot keyboard = new XhciSlot(1, (byte) 3, new XhciEndpoint[] {control, null, bulkIn});
    XhciSlot storage = new XhciSlot(3, (byte) 2, new XhciEndpoint[] {control});
    XhciPort port1 =
        new XhciPort(1, 0x8000_0203, List.of(new UsbDevice((byte) 1, (byte) 3, "keyboard")));
    XhciPort port2 = new XhciPort(2, 0x2a0, List.of());
    return new XhciController(
        1,
        0,
        new XhciSlot[] {keyboard, null, storage},
        new XhciPort[] {port1, port2},
        new XhciTimer(0xffff_fff0, 123_456L));
  }

  @Test
  void eachShapeRoundTripsThroughAStream() throws Exception {
    List<Object> devices = List.of(floppy(), fifos(), xhci());
    byte[] stream = Machine.save(devices, REGISTRY);
    Snapshot snapshot = StateReader.read(stream, REGISTRY);
    assertEquals(devices, snapshot.states());
    assertEquals(List.of(), snapshot.skipped());
    assertArrayEquals(stream, Machine.save(snapshot.states(), REGISTRY), "it writes the same bytes");
  }

  @Test
  void theFloppyDrivesAreRestoredInPlace() throws Exception {
    byte[] stream = Machine.save(List.of(floppy()), REGISTRY);
    FloppyController live = new FloppyController();
    FloppyDrive liveDrive = live.drive(0);
    Restore.of(REGISTRY).into(List.of(live)).from(new java.io.ByteArrayInputStream(stream));
    assertSame(liveDrive, live.drive(0), "a backend holding the drive keeps the live one");
    assertEquals(40, liveDrive.track());
    assertEquals(1, liveDrive.head());
    assertEquals(floppy(), live);
  }

  @Test
  void oneCodeMeansTwoTimersUnderTwoControllers() {
    SubChunkField floppyTimer = subChunk("FdCt", "motorTimer");
    SubChunkField xhciTimer = subChunk("XhCi", "timer");
    assertEquals(ChunkType.of("tiMr"), floppyTimer.type());
    assertEquals(floppyTimer.type(), xhciTimer.type());
    assertNotEquals(floppyTimer.struct(), xhciTimer.struct());
    assertTrue(floppyTimer.type().isSafeToCopy() && !floppyTimer.type().isCritical());
  }

  @Test
  void theTwoFifosAreOneStructUnderTwoCodes() throws Exception {
    SubChunkField rx = subChunk("FiFs", "rx");
    SubChunkField tx = subChunk("FiFs", "tx");
    assertEquals(rx.struct(), tx.struct());
    assertEquals("io.chunkstate.samples.machine.SerialFifo", rx.className());
    assertEquals(List.of("rxFf", "txFf"), List.of(rx.type().code(), tx.type().code()));

    SerialFifos off = new SerialFifos(0x2f8, (byte) 1, null, null);
    Snapshot snapshot = StateReader.read(Machine.save(List.of(off), REGISTRY), REGISTRY);
    assertNull(snapshot.get(SerialFifos.class).rx(), "a FIFO that is off sends no sub-chunk");
  }

  private static SubChunkField subChunk(String code, String field) {
    TypeDescription type =
        REGISTRY.descriptions().stream()
            .filter(t -> t.type().code().equals(code))
            .findFirst()
            .orElseThrow();
    return type.subChunks().stream().filter(s -> s.name().equals(field)).findFirst().orElseThrow();
  }
}

package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.Snapshot;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.samples.machine.MsixState;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.RngSeed;
import io.chunkstate.samples.machine.Uart16550;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo machine saves and restores every device, and sends MSI-X state only when enabled. */
class MachineTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  @Test
  void theRestoredMachineEqualsTheOriginal() throws IOException {
    List<Object> devices = Machine.devices();
    Snapshot snapshot = Machine.restore(Machine.save(devices, REGISTRY), REGISTRY);
    assertEquals(devices, snapshot.states());
    assertEquals("chunkstate-samples 1.0", snapshot.producer());
    assertEquals(List.of(), snapshot.skipped());
  }

  @Test
  void msixStateTravelsOnlyWhileEnabled() throws IOException {
    byte[] stream = Machine.save(Machine.devices(), REGISTRY);
    List<byte[]> pciChunks = new ArrayList<>();
    try (ChunkInput input = ChunkInput.open(stream, Signature.CHUNKSTATE)) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        if (chunk.type().code().equals("PcIs")) {
          pciChunks.add(chunk.data());
        }
      }
    }
    assertEquals(2, pciChunks.size());
    assertTrue(contains(pciChunks.get(0), "MsXs"), "the AHCI controller has MSI-X enabled");
    assertFalse(contains(pciChunks.get(1), "MsXs"), "the network card has it disabled");
  }

  @Test
  void theUartIsRestoredIntoTheLiveDevice() throws IOException {
    Uart16550 saved = (Uart16550) Machine.devices().get(2);
    @SuppressWarnings("unchecked") // the registry pairs the class with its own codec
    ChunkCodec<Uart16550> codec =
        (ChunkCodec<Uart16550>) REGISTRY.codecFor(ChunkType.of("UaRt")).orElseThrow();
    WireWriter out = new WireWriter();
    codec.encode(saved, out);

    Uart16550 live = new Uart16550();
    Object console = new Object();
    live.setHostConsole(console);
    codec.decodeInto(live, WireReader.of(codec.type(), out.toByteArray()));

    assertEquals(saved, live);
    assertSame(console, live.getHostConsole(), "transient state stays with the live device");
    assertNotSame(saved.getReceiveFifo(), live.getReceiveFifo());
  }

  @Test
  void aPciDeviceIsKeyedByItsAddress() {
    @SuppressWarnings("unchecked") // the registry pairs the class with its own codec
    ChunkCodec<PciDevice> codec =
        (ChunkCodec<PciDevice>) REGISTRY.codecFor(ChunkType.of("PcIs")).orElseThrow();
    assertEquals("0000:00:1f.2", codec.key((PciDevice) Machine.devices().get(0)));
    assertEquals("address", codec.description().orElseThrow().key());
  }

  @Test
  void devicesWithoutTheirArraysStillDescribeThemselves() {
    // A valid stream may carry null arrays: printing a restored device must not fail.
    Uart16550 uart = new Uart16550();
    uart.setReceiveFifo(null);
    assertTrue(uart.toString().contains("fifo=0 bytes"), uart.toString());
    assertTrue(new MsixState(false, null, null, null).toString().contains("vectors=0"));
    assertTrue(new RngSeed(null).toString().contains("no bytes"));
  }

  @Test
  void theDemoPrintsTheChunksAndConfirmsTheRestore() throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean equal = Demo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(equal, text);
    assertTrue(text.contains("PcIs at"), text);
    assertTrue(text.contains("CEND at"), text);
    assertTrue(text.contains("Every device equals its original."), text);
    assertTrue(text.contains(PciDevice.class.getSimpleName() + "[0000:00:1f.2"), text);
  }

  private static boolean contains(byte[] data, String code) {
    byte[] needle = code.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

package io.chunkstate.hardening;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.StateWriter;
import io.chunkstate.samples.machine.InterruptLine;
import io.chunkstate.samples.machine.MsixState;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.PowerState;
import io.chunkstate.samples.machine.RngDevice;
import io.chunkstate.samples.machine.RngSeed;
import io.chunkstate.samples.machine.Uart16550;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The valid streams that the corruption corpus and the fuzzers' seeds are made from: devices of the
 * sample machine, written by {@link StateWriter} with the codecs the processor generated.
 */
final class BaseStreams {
  /** The codecs every hardening test reads with: the sample machine's, and {@link Nest}'s. */
  static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  private BaseStreams() {}

  /** Each base stream by name, in a fixed order. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> streams = new LinkedHashMap<>();
    // A PCI device with MSI-X enabled, so its critical MsXs sub-chunk is present, and a UART.
    streams.put("pci-msix", write(pciDevice(true), uart()));
    // An entropy device with its ancillary rnSd seed, and a PCI device with MSI-X disabled.
    streams.put(
        "rng-seed",
        write(
            new RngDevice(true, 4096, new RngSeed(new byte[] {0x5e, 0x3d, 0x11, (byte) 0xa7})),
            pciDevice(false)));
    // One device with no sub-chunk at all.
    streams.put("minimal", write(new RngDevice(false, 0, null)));
    // A chunk three levels deep: sub-chunks inside sub-chunks.
    streams.put("nest-3", write(new Nest(1, new Nest(2, new Nest(3, null)))));
    return streams;
  }

  /** A disk controller with a short configuration space; with MSI-X enabled if {@code msix}. */
  static PciDevice pciDevice(boolean msix) {
    byte[] config = new byte[16];
    config[0] = (byte) 0x86;
    config[1] = (byte) 0x80;
    return new PciDevice(
        "0000:00:1f.2",
        (short) 0x8086,
        (short) 0x2922,
        config,
        new long[] {0, 0, 0, 0, 0xc040, 0xfebf1000L},
        msix ? PowerState.D0 : PowerState.D3_HOT,
        new InterruptLine(16, true, false),
        msix
            ? new MsixState(
                false,
                new long[] {0xfee00000L, 0xfee01000L},
                new int[] {0x4021, 0x4022},
                new boolean[] {false, true})
            : null);
  }

  /** A UART at 115200 baud with bytes waiting in its receive FIFO. */
  static Uart16550 uart() {
    Uart16550 uart = new Uart16550();
    uart.setDivisor(1);
    uart.setModemControl((byte) 0x0b);
    uart.setInterruptEnable((byte) 0x01);
    uart.receive("login: ");
    return uart;
  }

  /** A stream of {@code states} written by {@link StateWriter} with {@link #REGISTRY}. */
  static byte[] write(Object... states) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "hardening", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

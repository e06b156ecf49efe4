package io.chunkstate.samples;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.samples.machine.CmosRtc;
import io.chunkstate.samples.machine.InterruptLine;
import io.chunkstate.samples.machine.MsixState;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.PowerState;
import io.chunkstate.samples.machine.RngDevice;
import io.chunkstate.samples.machine.RngSeed;
import io.chunkstate.samples.machine.Uart16550;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** The devices of a small machine, and how it saves them to bytes and restores them. */
public final class Machine {
  private Machine() {}

  /**
   * A disk controller with MSI-X enabled, a network card without it, a UART with bytes waiting,
   * an entropy device, and a real-time clock with its CMOS RAM and an armed alarm.
   */
  public static List<Object> devices() {
    byte[] ahciConfig = new byte[256];
    ahciConfig[0] = (byte) 0x86;
    ahciConfig[1] = (byte) 0x80;
    PciDevice ahci =
        new PciDevice(
            "0000:00:1f.2",
            (short) 0x8086,
            (short) 0x2922,
            ahciConfig,
            new long[] {0, 0, 0, 0, 0xc040, 0xfebf1000L},
            PowerState.D0,
            new InterruptLine(16, true, false),
            new MsixState(
                false,
                new long[] {0xfee00000L, 0xfee01000L},
                new int[] {0x4021, 0x4022},
                new boolean[] {false, true}));
    PciDevice nic =
        new PciDevice(
            "0000:00:03.0",
            (short) 0x1af4,
            (short) 0x1000,
            new byte[256],
            new long[] {0xc000, 0xfebf0000L, 0, 0, 0xfe000000L, 0},
            PowerState.D3_HOT,
            new InterruptLine(11, true, true),
            null);
    Uart16550 uart = new Uart16550();
    uart.setDivisor(1); // 115200 baud
    uart.setModemControl((byte) 0x0b);
    uart.setInterruptEnable((byte) 0x01);
    uart.receive("login: ");
    RngDevice rng =
        new RngDevice(true, 4096, new RngSeed(new byte[] {0x5e, 0x3d, 0x11, (byte) 0xa7}));
    CmosRtc rtc = new CmosRtc();
    rtc.write(0x0e, (byte) 0x80); // the diagnostic status byte
    rtc.alarm().arm(6, 30, 0);
    return List.of(ahci, nic, uart, rng, rtc);
  }

  /** The devices as one stream: signature, {@code CHDR}, one chunk per device, {@code CEND}. */
  public static byte[] save(List<Object> devices, ChunkRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "chunkstate-samples 1.0", registry)) {
      for (Object device : devices) {
        writer.write(device);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  /** The devices of a stream, after the whole stream has been checked. */
  public static Snapshot restore(byte[] stream, ChunkRegistry registry) throws IOException {
    return StateReader.read(new java.io.ByteArrayInputStream(stream), registry);
  }
}

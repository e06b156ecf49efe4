package io.chunkstate.machine.v1;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.Restore;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import io.chunkstate.machine.Devices;
import java.util.Arrays;
import java.util.List;

/** The devices of version 1, as the workload changes them. */
final class V1Devices implements Devices {
  private final ChunkRegistry registry;
  private Cpu cpu;
  private PciDevice pci;
  private Uart uart;
  private Rng rng;

  V1Devices(ChunkRegistry registry) {
    this.registry = registry;
    long[] registers = new long[16];
    for (int i = 0; i < registers.length; i++) {
      registers[i] = 0x1000L * i;
    }
    this.cpu = new Cpu(0xfff0L, registers, 0x2, 0);
    byte[] config = new byte[256];
    for (int i = 0; i < config.length; i++) {
      config[i] = (byte) (i * 7);
    }
    MsixTable msix =
        new MsixTable(false, new long[] {0xfee00000L, 0xfee01000L}, new int[] {0x41, 0x42});
    this.pci = new PciDevice("0000:00:03.0", (short) 0x1af4, (short) 0x1000, config,
        new long[] {0xfebf0000L, 0, 0xfe000000L}, msix);
    this.uart = new Uart(12, (byte) 0x03, new byte[0]);
    this.rng = new Rng(0, new RngSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
  }

  @Override
  public List<?> states() {
    return List.of(cpu, pci, uart, rng);
  }

  @Override
  public void tick(long pages) {
    long[] registers = cpu.registers().clone();
    for (int i = 0; i < registers.length; i++) {
      registers[i] = registers[i] * 31 + pages + i;
    }
    cpu = new Cpu(cpu.pc() + 4 * (pages + 1), registers, cpu.flags() ^ 0x40, cpu.cycles() + 1000);
    if (cpu.cycles() % 100_000 == 0) {
      byte[] fifo = Arrays.copyOf(uart.fifo(), Math.min(16, uart.fifo().length + 1));
      fifo[fifo.length - 1] = (byte) ('a' + fifo.length - 1);
      uart = new Uart(uart.divisor(), uart.lineControl(), fifo);
    }
    rng = new Rng(rng.bytesServed() + 8, rng.seed());
  }

  @Override
  public void restore(Snapshot snapshot) throws ChunkStreamException, RestoreException {
    Object[] taken = new Object[4];
    Restore.of(registry)
        .replacing(Cpu.class, c -> taken[0] = c)
        .replacing(PciDevice.class, p -> taken[1] = p)
        .replacing(Uart.class, u -> taken[2] = u)
        .replacing(Rng.class, r -> taken[3] = r)
        .from(snapshot);
    cpu = (Cpu) taken[0];
    pci = (PciDevice) taken[1];
    uart = (Uart) taken[2];
    rng = (Rng) taken[3];
  }
}

package io.chunkstate.benchmarks.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The states the benchmarks encode: deterministic, so every run and every codec sees the same. */
public final class Fixtures {
  /** Devices in the machine snapshot. */
  public static final int MACHINE_DEVICES = 64;

  /** Guest memory in the machine snapshot: 64 MiB. */
  public static final long MACHINE_MEMORY = 64L << 20;

  private Fixtures() {}

  /** Device number {@code i}, with every field set to a value that depends on {@code i}. */
  public static DeviceState device(int i) {
    byte[] fifo = new byte[16];
    for (int k = 0; k < fifo.length; k++) {
      fifo[k] = (byte) (i * 31 + k * 7);
    }
    return new DeviceState(
        i,
        i % 2 == 0,
        (byte) 0x03,
        (byte) (0x0b ^ i),
        (short) (12 + i),
        (char) ('A' + i % 26),
        0x0f & i,
        0xc1,
        1_000_000L * (i + 1) + 12_345,
        987_654_321L + i,
        1_700_000_000_000_000_000L + i,
        0.0016f * (i + 1),
        1_843_200.0 + i,
        i % 16,
        (short) 8,
        i % 7 == 0,
        fifo,
        "serial" + i,
        Mode.values()[i % Mode.values().length],
        new TimerState(5_000_000_000L + i, 1_000_000, true));
  }

  /** {@link #MACHINE_DEVICES} devices and {@link #MACHINE_MEMORY} bytes of pseudo-random pages. */
  public static MachineSnapshot machine() {
    List<DeviceState> devices = new ArrayList<>(MACHINE_DEVICES);
    for (int i = 0; i < MACHINE_DEVICES; i++) {
      devices.add(device(i));
    }
    int pageCount = (int) (MACHINE_MEMORY / Page.SIZE);
    List<Page> pages = new ArrayList<>(pageCount);
    SplittableRandom random = new SplittableRandom(42);
    for (int p = 0; p < pageCount; p++) {
      byte[] data = new byte[Page.SIZE];
      for (int k = 0; k < data.length; k += 8) {
        long v = random.nextLong();
        for (int b = 0; b < 8; b++) {
          data[k + b] = (byte) (v >>> (8 * b));
        }
      }
      pages.add(new Page((long) p * Page.SIZE, data));
    }
    return new MachineSnapshot(devices, pages);
  }
}

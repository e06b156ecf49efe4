package io.chunkstate.hardening;

import io.chunkstate.samples.machine.InterruptLine;
import io.chunkstate.samples.machine.MsixState;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.PowerState;
import io.chunkstate.samples.machine.RngDevice;
import io.chunkstate.samples.machine.RngSeed;
import io.chunkstate.samples.machine.Uart16550;
import io.chunkstate.testing.Generator;
import java.util.List;

/**
 * Random states of every sample type, and of {@link Nest}: any value each field can hold (nulls,
 * empty and large arrays, NaN-free integers at their extremes), with and without their
 * sub-chunks.
 */
final class SampleStates {
  private SampleStates() {}

  /** A state of any of the types, chosen at random. */
  static Object any(Generator g) {
    switch (g.between(0, 4)) {
      case 0:
        return pciDevice(g);
      case 1:
        return uart(g);
      case 2:
        return rngDevice(g);
      default:
        return nest(g, g.between(1, 12));
    }
  }

  /** Up to {@code max} states of any types. */
  static List<Object> some(Generator g, int max) {
    return g.listOf(g.between(0, max + 1), () -> any(g));
  }

  static PciDevice pciDevice(Generator g) {
    return new PciDevice(
        g.orNull(10, g::aString),
        g.aShort(),
        g.aShort(),
        g.orNull(10, () -> g.bytes(g.length(256))),
        g.orNull(10, () -> g.longs(g.length(6))),
        g.orNull(6, () -> g.oneOf(PowerState.values())),
        g.orNull(4, () -> new InterruptLine(g.anInt(), g.aBoolean(), g.aBoolean())),
        g.orNull(2, () -> msix(g)));
  }

  static MsixState msix(Generator g) {
    return new MsixState(
        g.aBoolean(),
        g.orNull(10, () -> g.longs(g.length(8))),
        g.orNull(10, () -> g.ints(g.length(8))),
        g.orNull(10, () -> g.booleans(g.length(8))));
  }

  static Uart16550 uart(Generator g) {
    Uart16550 uart = new Uart16550();
    uart.setDivisor(g.anInt());
    uart.setLineControl(g.aByte());
    uart.setModemControl(g.aByte());
    uart.setInterruptEnable(g.aByte());
    uart.setScratch(g.aByte());
    uart.setReceiveFifo(g.orNull(10, () -> g.bytes(g.length(16))));
    return uart;
  }

  static RngDevice rngDevice(Generator g) {
    return new RngDevice(
        g.aBoolean(),
        g.aLong(),
        g.orNull(2, () -> new RngSeed(g.orNull(10, () -> g.bytes(g.length(32))))));
  }

  /** A chain of {@code levels} nested {@link Nest}s. */
  static Nest nest(Generator g, int levels) {
    Nest nest = null;
    for (int i = 0; i < levels; i++) {
      nest = new Nest(g.anInt(), nest);
    }
    return nest;
  }
}

package io.chunkstate.samples.machine;

/** PCI power management states. */
public enum PowerState {
  D0,
  D1,
  D2,
  D3_HOT,
  D3_COLD
}

package io.chunkstate.machine.v2;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.machine.Devices;
import io.chunkstate.machine.MachineModel;

/** Version 2 of the machine: its PCI device has a feature that {@code --use-feature} turns on. */
public final class V2Model implements MachineModel {
  private final ChunkRegistry registry = ChunkRegistry.load(V2Model.class.getClassLoader());

  @Override
  public String name() {
    return "machine-v2";
  }

  @Override
  public ChunkRegistry registry() {
    return registry;
  }

  @Override
  public boolean hasFeature() {
    return true;
  }

  @Override
  public Devices boot(boolean useFeature) {
    return new V2Devices(registry, useFeature);
  }
}

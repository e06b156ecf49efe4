package io.chunkstate.machine.v1;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.machine.Devices;
import io.chunkstate.machine.MachineModel;

/** Version 1 of the machine: no optional feature. */
public final class V1Model implements MachineModel {
  private final ChunkRegistry registry = ChunkRegistry.load(V1Model.class.getClassLoader());

  @Override
  public String name() {
    return "machine-v1";
  }

  @Override
  public ChunkRegistry registry() {
    return registry;
  }

  @Override
  public boolean hasFeature() {
    return false;
  }

  @Override
  public Devices boot(boolean useFeature) {
    if (useFeature) {
      throw new IllegalArgumentException("version 1 has no optional feature");
    }
    return new V1Devices(registry);
  }
}

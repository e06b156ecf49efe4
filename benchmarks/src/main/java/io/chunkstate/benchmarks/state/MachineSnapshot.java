package io.chunkstate.benchmarks.state;

import java.io.Serializable;
import java.util.List;

/**
 * A whole machine: its devices and its memory. chunkstate writes these as top-level chunks in one
 * stream; the baselines that need one root object (Kryo, JDK serialization) write this record.
 */
public record MachineSnapshot(List<DeviceState> devices, List<Page> pages)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}

package io.chunkstate.machine;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import java.util.List;

/**
 * The devices of a machine: mutable, changed by the workload while the machine runs, and saved and
 * restored as one top-level chunk each. The {@link Machine} calls every method under its lock.
 */
public interface Devices {
  /** The state of every device, one object per top-level chunk, in the order they are written. */
  List<?> states();

  /** Advances the devices by one step of the workload, which wrote {@code pages} pages. */
  void tick(long pages);

  /**
   * Takes the state of {@code snapshot}, all or nothing: when this throws, the devices are as they
   * were.
   */
  void restore(Snapshot snapshot) throws ChunkStreamException, RestoreException;
}

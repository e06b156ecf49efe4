package io.chunkstate.migration;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;

/** What the destination side of a migration needs from the machine it restores, which is not running. */
public interface DestinationMachine {
  /** The guest memory that the bulk transfer writes into. */
  GuestMemory memory();

  /**
   * Checks and applies the device state that the switch-over carried, all or nothing: when this
   * throws, the machine's devices are as they were.
   */
  void restore(Snapshot devices) throws ChunkStreamException, RestoreException;

  /** Starts the machine. Called once, only after an intact commit. */
  void start();
}

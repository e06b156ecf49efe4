package io.chunkstate.migration;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import java.io.IOException;

/** What the destination side of a migration needs from the machine it restores, which is not running. */
public interface DestinationMachine {
  /**
   * Called once, with the source's memory geometry, before {@link #memory()}: a machine that sizes
   * its guest memory to the source's allocates or maps it here. When this throws, the destination
   * refuses the offer at pre-flight (a breaking finding of rule {@code memory-geometry} with the
   * exception's message) and the source keeps running. Does nothing by default.
   */
  default void prepare(int pageSize, long pageCount) throws IOException {}

  /**
   * The guest memory that the bulk transfer writes into, asked for after {@link #prepare}; its
   * geometry must be the source's, or the destination refuses the offer.
   */
  GuestMemory memory();

  /**
   * Checks and applies the device state that the switch-over carried, all or nothing: when this
   * throws, the machine's devices are as they were.
   */
  void restore(Snapshot devices) throws ChunkStreamException, RestoreException;

  /**
   * Starts the machine. Called once, only after an intact commit. When this throws, the machine
   * must not run: the destination reports that it does not, and tells the source, which resumes.
   */
  void start();
}

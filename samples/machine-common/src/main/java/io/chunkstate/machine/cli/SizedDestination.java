package io.chunkstate.machine.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import io.chunkstate.machine.Machine;
import io.chunkstate.machine.MachineModel;
import io.chunkstate.machine.MappedGuestMemory;
import io.chunkstate.migration.DestinationMachine;
import io.chunkstate.migration.GuestMemory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A destination started without a memory size: it maps as much guest memory as the source's
 * offer says, when the session tells it ({@link #prepare}), and only then boots its machine.
 */
final class SizedDestination implements DestinationMachine, Closeable {
  private final MachineModel model;
  private final Path directory;
  private final Machine.Events events;
  private Machine machine;

  SizedDestination(MachineModel model, Path directory, Machine.Events events) {
    this.model = model;
    this.directory = directory;
    this.events = events;
  }

  @Override
  public void prepare(int pageSize, long pageCount) throws IOException {
    if (pageSize != MappedGuestMemory.PAGE_SIZE) {
      throw new IOException(
          "its pages are " + MappedGuestMemory.PAGE_SIZE + " bytes, not " + pageSize);
    }
    MappedGuestMemory memory;
    try {
      memory = MappedGuestMemory.createPages(directory, pageCount);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    machine = new Machine(model, model.boot(false), memory, 0, events);
  }

  @Override
  public GuestMemory memory() {
    return machine.memory();
  }

  @Override
  public void restore(Snapshot devices) throws ChunkStreamException, RestoreException {
    machine.restore(devices);
  }

  @Override
  public void start() {
    machine.start();
  }

  @Override
  public void close() {
    if (machine != null) {
      machine.close();
    }
  }
}

package io.chunkstate.machine;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.RestoreException;
import io.chunkstate.Snapshot;
import io.chunkstate.migration.DestinationMachine;
import io.chunkstate.migration.SourceMachine;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running (or not yet running) machine: guest memory, devices and the workload that changes
 * both. It is the source and the destination of a migration; the command line hears of pauses,
 * resumes and the start through {@link Events}.
 */
public final class Machine implements SourceMachine, DestinationMachine, Closeable {
  /** What the machine tells its owner, on the thread of the migration. */
  public interface Events {
    /** The machine has paused: neither memory nor devices change until it resumes or stops. */
    default void paused(Machine machine) {}

    /** The machine is about to resume: it is still paused. */
    default void resuming(Machine machine) {}

    /**
     * The machine is about to start after a migration, on the thread that starts it: its
     * workload has not run yet and runs once this returns.
     */
    default void starting(Machine machine) {}
  }

  private final MachineModel model;
  private final Devices devices;
  private final MappedGuestMemory memory;
  private final Events events;
  private final ReentrantLock lock = new ReentrantLock();
  private final Workload workload;

  public Machine(
      MachineModel model,
      Devices devices,
      MappedGuestMemory memory,
      double dirtyMibPerSecond,
      Events events) {
    this.model = model;
    this.devices = devices;
    this.memory = memory;
    this.events = events;
    this.workload = new Workload(memory, devices, lock, dirtyMibPerSecond);
  }

  /** Fills every page with content that differs from page to page, before the machine runs. */
  public void fillMemory(long seed) {
    long x = seed;
    for (long page = 0; page < memory.pageCount(); page++) {
      for (int offset = 0; offset < MappedGuestMemory.PAGE_SIZE; offset += 64) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        memory.write(page, offset, x ^ page);
      }
    }
  }

  /** The version of this machine. */
  public MachineModel model() {
    return model;
  }

  @Override
  public MappedGuestMemory memory() {
    return memory;
  }

  @Override
  public List<?> deviceStates() {
    lock.lock();
    try {
      return List.copyOf(devices.states());
    } finally {
      lock.unlock();
    }
  }

  /** Starts the workload of a freshly booted machine. */
  public void boot() {
    workload.resume();
  }

  @Override
  public void pause() {
    workload.pause();
    events.paused(this);
  }

  @Override
  public void resume() {
    events.resuming(this);
    workload.resume();
  }

  @Override
  public void restore(Snapshot snapshot) throws ChunkStreamException, RestoreException {
    lock.lock();
    try {
      devices.restore(snapshot);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts the machine on a thread of its own and returns at once, so that the destination's
   * acknowledgment does not wait: {@link Events#starting} runs first, then the workload.
   */
  @Override
  public void start() {
    Thread starter = new Thread(() -> {
      events.starting(this);
      workload.resume();
    }, "machine-start");
    starter.setDaemon(true);
    starter.start();
  }

  /** The digests of the memory and the devices, taken while the machine does not run. */
  public MachineDigests digests() {
    return new MachineDigests(
        Digests.memory(memory), Digests.devices(deviceStates(), model.registry()));
  }

  /** Stops the workload for good. */
  @Override
  public void close() {
    workload.stop();
    memory.close();
  }
}

package io.chunkstate.machine;

import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The guest: a thread that writes random pages of the memory at a set rate and steps the devices,
 * in ticks of 10 ms, under the machine's lock, so that once {@link #pause()} returns neither the
 * memory nor the devices change until {@link #resume()}.
 */
final class Workload implements Runnable {
  private static final long TICK_NANOS = 10_000_000L;

  private final MappedGuestMemory memory;
  private final Devices devices;
  private final ReentrantLock lock;
  private final Condition unpaused;
  private final double pagesPerTick;
  private final SplittableRandom random = new SplittableRandom(0x5eedL);
  private final Thread thread;
  private boolean paused = true;
  private boolean stopped;
  private double owed;

  Workload(MappedGuestMemory memory, Devices devices, ReentrantLock lock, double mibPerSecond) {
    this.memory = memory;
    this.devices = devices;
    this.lock = lock;
    this.unpaused = lock.newCondition();
    this.pagesPerTick = mibPerSecond * (1 << 20) / MappedGuestMemory.PAGE_SIZE / 100.0;
    this.thread = new Thread(this, "guest");
    thread.setDaemon(true);
  }

  /** Starts the guest (the first time) or lets it go on after a pause. */
  void resume() {
    lock.lock();
    try {
      paused = false;
      unpaused.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread.getState() == Thread.State.NEW) {
      thread.start();
    }
  }

  /** Stops the guest between two ticks; returns once no write is under way. */
  void pause() {
    lock.lock();
    try {
      paused = true;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the guest for good. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      unpaused.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    while (true) {
      lock.lock();
      try {
        while (paused && !stopped) {
          unpaused.awaitUninterruptibly();
          next = System.nanoTime();
        }
        if (stopped) {
          return;
        }
        tick();
      } finally {
        lock.unlock();
      }
      next += TICK_NANOS;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleep(wait);
      } else if (wait < -10 * TICK_NANOS) {
        next = System.nanoTime(); // fell behind: do not catch up in a burst
      }
    }
  }

  private void tick() {
    owed += pagesPerTick;
    long pages = (long) owed;
    owed -= pages;
    long count = memory.pageCount();
    for (long i = 0; i < pages; i++) {
      long page = random.nextLong(count);
      int offset = random.nextInt(MappedGuestMemory.PAGE_SIZE / 8) * 8;
      memory.write(page, offset, random.nextLong());
    }
    devices.tick(pages);
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

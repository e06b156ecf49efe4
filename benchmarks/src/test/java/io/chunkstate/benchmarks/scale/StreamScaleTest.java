package io.chunkstate.benchmarks.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * A 2 GiB stream of pages written with {@code StateWriter} and read back with {@code
 * StateStream} through a pipe, under a heap of 256 MiB (its own surefire execution): the stream
 * is made as it is written and checked as it is read, never held, so it fits eight times over in
 * no heap at all.
 *
 * <p>What it holds is measured after each collection: the heap the collector could not free is
 * what the stream keeps alive, and it must stay a small part of the heap however long the stream.
 * (The peaks of the heap's pools do not add up to a peak of the heap: each pool peaks at its own
 * moment.)
 */
class StreamScaleTest {
  private static final long STREAM = 2L << 30;
  private static final long HEAP = 256L << 20;

  @Test
  void aTwoGibibyteStreamIsWrittenAndReadUnderAQuarterGibibyteHeap() throws Exception {
    // It means something only under the small heap of the scale execution in benchmarks/pom.xml.
    assumeTrue(
        Runtime.getRuntime().maxMemory() <= HEAP,
        "runs with -Xmx256m, not " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    long pages = PageStreams.pagesIn(STREAM);
    AtomicLong retained = new AtomicLong();
    List<Runnable> stopWatching = watchCollections(retained);
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> written =
          writer.submit(
              () -> {
                try (out) {
                  PageStreams.write(out, pages);
                }
                return null;
              });
      long read;
      try {
        read = PageStreams.read(in, Long.MAX_VALUE);
      } catch (IOException | RuntimeException e) {
        in.close(); // the writer fails too, instead of waiting for a reader
        throw e;
      }
      written.get();
      assertEquals(pages, read, "pages read back");
    } finally {
      writer.shutdownNow();
      stopWatching.forEach(Runnable::run);
    }
    assertTrue(retained.get() > 0, "no collection ran while 2 GiB went through the heap");
    assertTrue(
        retained.get() <= HEAP / 4,
        "the heap held " + (retained.get() >> 20) + " MiB after a collection, more than a quarter"
            + " of " + (HEAP >> 20) + " MiB: the stream is kept somewhere");
    System.out.printf(
        "2 GiB of pages through a pipe: at most %d MiB of the %d MiB heap live after a"
            + " collection%n",
        retained.get() >> 20, HEAP >> 20);
  }

  /**
   * Records in {@code retained} the most heap any collection left in use, until the returned
   * actions are run.
   */
  private static List<Runnable> watchCollections(AtomicLong retained) {
    Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    NotificationListener listener =
        (Notification notification, Object handback) -> {
          if (!notification
              .getType()
              .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long after =
              info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                  .filter(e -> heapPools.contains(e.getKey()))
                  .mapToLong(e -> e.getValue().getUsed())
                  .sum();
          retained.accumulateAndGet(after, Math::max);
        };
    List<Runnable> stops = new ArrayList<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      NotificationEmitter emitter = (NotificationEmitter) collector;
      emitter.addNotificationListener(listener, null, null);
      stops.add(
          () -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    return stops;
  }
}

package io.chunkstate.migration;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * A machine's guest memory as a migration sees it: pages of one size, read on the source while the
 * machine runs, written on the destination while it does not. The application owns the memory
 * (typically off the Java heap, in a mapped file) and its dirty log.
 */
public interface GuestMemory {
  /** The size of a page in bytes: the same on both sides of a migration. */
  int pageSize();

  /** The number of pages: the same on both sides of a migration. */
  long pageCount();

  /**
   * Starts the dirty log: from now on every page written is recorded until {@link
   * #collectDirty(BitSet)} takes it.
   */
  void startDirtyLog();

  /** Sets in {@code into} the pages written since the log started or was last collected, and clears them from the log. */
  void collectDirty(BitSet into);

  /** Stops the dirty log. */
  void stopDirtyLog();

  /** Copies page {@code page} into {@code dst}, from its position, {@link #pageSize()} bytes. */
  void readPage(long page, ByteBuffer dst);

  /** Copies {@code src}'s remaining bytes, {@link #pageSize()} of them, into page {@code page}. */
  void writePage(long page, ByteBuffer src);
}

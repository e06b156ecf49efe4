package io.chunkstate.machine;

import io.chunkstate.migration.GuestMemory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Guest memory outside the Java heap, in a memory-mapped temporary file, as QEMU's {@code
 * memory-backend-file}: a machine with more memory than its heap runs under a small {@code -Xmx}.
 * The file is deleted as soon as it is mapped. Writes through {@link #write} feed a dirty log of
 * pages, which the migration collects round by round.
 */
public final class MappedGuestMemory implements GuestMemory, Closeable {
  /** The size of a page, in bytes. */
  public static final int PAGE_SIZE = 4096;

  /** The most memory a machine may have: 64 GiB. */
  public static final long MAX_MEBIBYTES = 64 * 1024;

  private static final int PAGES_PER_SEGMENT = 1 << 16; // 256 MiB per mapping

  private final long pageCount;
  private final MappedByteBuffer[] segments;
  private final AtomicLongArray dirty;
  private volatile boolean logging;

  private MappedGuestMemory(long pageCount, MappedByteBuffer[] segments) {
    this.pageCount = pageCount;
    this.segments = segments;
    this.dirty = new AtomicLongArray((int) ((pageCount + 63) / 64));
  }

  /** Maps {@code mebibytes} MiB of zeroed memory in a new file of {@code directory}. */
  public static MappedGuestMemory create(Path directory, long mebibytes) throws IOException {
    if (mebibytes <= 0 || mebibytes > MAX_MEBIBYTES) {
      throw new IllegalArgumentException(
          "memory must be 1 to " + MAX_MEBIBYTES + " MiB, not " + mebibytes + " MiB");
    }
    return createPages(directory, mebibytes * (1 << 20) / PAGE_SIZE);
  }

  /** Maps {@code pages} zeroed pages in a new file of {@code directory}. */
  public static MappedGuestMemory createPages(Path directory, long pages) throws IOException {
    if (pages <= 0 || pages > MAX_MEBIBYTES * (1 << 20) / PAGE_SIZE) {
      throw new IllegalArgumentException(
          "memory must be 1 to " + MAX_MEBIBYTES * (1 << 20) / PAGE_SIZE + " pages, not " + pages);
    }
    Path file = Files.createTempFile(directory, "guest-memory-", ".ram");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      channel.truncate(0);
      channel.position(pages * PAGE_SIZE - 1);
      channel.write(ByteBuffer.wrap(new byte[1]));
      int count = (int) ((pages + PAGES_PER_SEGMENT - 1) / PAGES_PER_SEGMENT);
      MappedByteBuffer[] segments = new MappedByteBuffer[count];
      for (int i = 0; i < count; i++) {
        long first = (long) i * PAGES_PER_SEGMENT;
        long size = Math.min(PAGES_PER_SEGMENT, pages - first) * PAGE_SIZE;
        segments[i] = channel.map(FileChannel.MapMode.READ_WRITE, first * PAGE_SIZE, size);
      }
      return new MappedGuestMemory(pages, segments);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public int pageSize() {
    return PAGE_SIZE;
  }

  @Override
  public long pageCount() {
    return pageCount;
  }

  /** The size of the memory in bytes. */
  public long byteSize() {
    return pageCount * PAGE_SIZE;
  }

  @Override
  public void startDirtyLog() {
    for (int i = 0; i < dirty.length(); i++) {
      dirty.set(i, 0);
    }
    logging = true;
  }

  @Override
  public void collectDirty(BitSet into) {
    for (int i = 0; i < dirty.length(); i++) {
      long word = dirty.getAndSet(i, 0);
      while (word != 0) {
        int bit = Long.numberOfTrailingZeros(word);
        into.set(i * 64 + bit);
        word &= word - 1;
      }
    }
  }

  @Override
  public void stopDirtyLog() {
    logging = false;
  }

  @Override
  public void readPage(long page, ByteBuffer dst) {
    dst.put(dst.position(), segment(page), offset(page), PAGE_SIZE);
    dst.position(dst.position() + PAGE_SIZE);
  }

  @Override
  public void writePage(long page, ByteBuffer src) {
    if (src.remaining() != PAGE_SIZE) {
      throw new IllegalArgumentException(
          "a page is " + PAGE_SIZE + " bytes, not " + src.remaining());
    }
    segment(page).put(offset(page), src, src.position(), PAGE_SIZE);
    src.position(src.limit());
  }

  /**
   * Writes {@code value} at {@code offset} of {@code page}, as the guest does, and records the page
   * as dirty after the write, so that a collection that misses the value finds the page again.
   */
  public void write(long page, int offset, long value) {
    segment(page).putLong(offset(page) + offset, value);
    if (logging) {
      int word = (int) (page >>> 6);
      long bit = 1L << (page & 63);
      if ((dirty.get(word) & bit) == 0) {
        dirty.getAndUpdate(word, w -> w | bit);
      }
    }
  }

  /** Copies {@code page} into {@code dst} from its position, without logging anything. */
  void copyPage(long page, byte[] dst) {
    segment(page).get(offset(page), dst, 0, PAGE_SIZE);
  }

  private MappedByteBuffer segment(long page) {
    if (page < 0 || page >= pageCount) {
      throw new IndexOutOfBoundsException("page " + page + " of " + pageCount);
    }
    return segments[(int) (page / PAGES_PER_SEGMENT)];
  }

  private static int offset(long page) {
    return (int) (page % PAGES_PER_SEGMENT) * PAGE_SIZE;
  }

  /** Unmaps nothing (the JDK unmaps a mapping when it is collected); the file is already gone. */
  @Override
  public void close() {}
}

package io.chunkstate.migration;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.internal.Errors;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes the pages of one {@code MPAG} chunk into guest memory as the chunk's data streams past:
 * the count and the indices are checked before the first page byte, and each page is written as
 * soon as its bytes are there, straight from the reader's buffer when they are all in it. The CRC
 * is checked after the last byte; the memory belongs to a machine that is not running, which
 * starts only after the whole session has ended well.
 */
final class PageSink extends OutputStream {
  private final GuestMemory memory;
  private final int pageSize;
  private final long pageCount;
  private final byte[] head = new byte[4 + 8 * MigrationChunks.MAX_PAGES_PER_CHUNK];
  private final byte[] page;
  private final ByteBuffer headBuffer = ByteBuffer.wrap(head);
  private long chunkOffset;
  private int length;
  private int headLength;
  private int filled;
  private int count;
  private int index;
  private int pageFill;

  PageSink(GuestMemory memory) {
    this.memory = memory;
    this.pageSize = memory.pageSize();
    this.pageCount = memory.pageCount();
    this.page = new byte[pageSize];
  }

  /**
   * Starts a chunk at {@code offset} whose data is {@code length} bytes. A length too short for
   * the page count is refused here; the count, and the length it gives, once it has arrived.
   */
  void begin(long offset, int length) throws ChunkStreamException {
    if (length < 4) {
      throw wrongLength(offset, length, "");
    }
    this.chunkOffset = offset;
    this.length = length;
    this.headLength = 4;
    this.filled = 0;
    this.count = 0;
    this.index = 0;
    this.pageFill = 0;
  }

  /** The pages of the chunk, once its data has passed. */
  int count() {
    return count;
  }

  @Override
  public void write(int b) throws ChunkStreamException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws ChunkStreamException {
    int end = off + len;
    while (off < end && filled < headLength) {
      int n = Math.min(end - off, headLength - filled);
      System.arraycopy(b, off, head, filled, n);
      filled += n;
      off += n;
      if (filled == 4 && headLength == 4) {
        readCount();
      } else if (filled == headLength && headLength > 4) {
        checkIndices();
      }
    }
    while (off < end) {
      if (pageFill == 0 && end - off >= pageSize) {
        memory.writePage(headBuffer.getLong(4 + 8 * index++), ByteBuffer.wrap(b, off, pageSize));
        off += pageSize;
        continue;
      }
      int n = Math.min(end - off, pageSize - pageFill);
      System.arraycopy(b, off, page, pageFill, n);
      pageFill += n;
      off += n;
      if (pageFill == pageSize) {
        memory.writePage(headBuffer.getLong(4 + 8 * index++), ByteBuffer.wrap(page));
        pageFill = 0;
      }
    }
  }

  private void readCount() throws ChunkStreamException {
    count = headBuffer.getInt(0);
    if (count < 1 || count > MigrationChunks.MAX_PAGES_PER_CHUNK) {
      throw Errors.data(
          chunkOffset, "MPAG",
          "a page chunk carries 1 to " + MigrationChunks.MAX_PAGES_PER_CHUNK + " pages, not "
              + count);
    }
    long expected = 4 + (long) count * (8 + pageSize);
    if (expected != length) {
      throw wrongLength(
          chunkOffset, length, ": its count of " + count + " pages takes " + expected + " bytes");
    }
    headLength = 4 + 8 * count;
  }

  /**
   * {@code LENGTH} at the chunk at {@code offset}, whose {@code length} holds no page count, or
   * not the pages its count says ({@code detail}).
   */
  private ChunkStreamException wrongLength(long offset, int length, String detail) {
    return Errors.length(
        offset, "MPAG",
        "a page chunk of " + length + " bytes of data does not hold 1 to "
            + MigrationChunks.MAX_PAGES_PER_CHUNK + " pages of " + pageSize
            + " bytes with their indices" + detail);
  }

  private void checkIndices() throws ChunkStreamException {
    for (int i = 0; i < count; i++) {
      long at = headBuffer.getLong(4 + 8 * i);
      if (at < 0 || at >= pageCount) {
        throw Errors.data(
            chunkOffset, "MPAG",
            "page index " + at + " is outside the guest memory's " + pageCount + " pages");
      }
    }
  }
}

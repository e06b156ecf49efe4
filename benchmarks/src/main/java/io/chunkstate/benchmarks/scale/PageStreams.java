package io.chunkstate.benchmarks.scale;

import io.chunkstate.StateStream;
import io.chunkstate.StateWriter;
import io.chunkstate.benchmarks.ChunkstateCodecs;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.state.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Streams of pages of any length, made as they are written or read and never stored: a writer
 * of {@code n} pages to any output stream, a source that replays a valid stream of {@code n}
 * pages, and a reader that walks one with {@link StateStream}.
 */
public final class PageStreams {
  /** The distinct pages a stream cycles through: 1 MiB of them. */
  public static final int DISTINCT = 256;

  private static final byte[][] DATA = new byte[DISTINCT][];

  static {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < DISTINCT; i++) {
      DATA[i] = new byte[Page.SIZE];
      random.nextBytes(DATA[i]);
    }
  }

  private PageStreams() {}

  /** The pages in a stream of {@code bytes} bytes of page data. */
  public static long pagesIn(long bytes) {
    return bytes / Page.SIZE;
  }

  /** Page number {@code i}: its address, and the data of page {@code i % DISTINCT}. */
  public static Page page(long i) {
    return new Page(i * Page.SIZE, DATA[(int) (i % DISTINCT)]);
  }

  /** Writes a stream of {@code pages} pages to {@code out} with {@code StateWriter}. */
  public static void write(OutputStream out, long pages) throws IOException {
    try (StateWriter writer =
        StateWriter.open(out, ChunkstateCodecs.PRODUCER, ChunkstateCodecs.REGISTRY)) {
      for (long i = 0; i < pages; i++) {
        writer.write(page(i));
      }
      writer.finish();
    }
  }

  /**
   * Reads a stream of pages from {@code in} with {@code StateStream}, decoding every page, and
   * checks that page {@code i} is {@link #page(long) page(i % cycle)}: returns how many it read.
   *
   * @param cycle after how many pages the stream starts over ({@link Long#MAX_VALUE}: never)
   * @throws IllegalStateException if a page is not the one expected
   */
  public static long read(InputStream in, long cycle) throws IOException {
    long count = 0;
    try (StateStream stream = StateStream.open(in, ChunkstateCodecs.REGISTRY)) {
      while (stream.next()) {
        Page page = (Page) stream.state();
        Page expected = page(count % cycle);
        if (page.address() != expected.address() || !Arrays.equals(page.data(), expected.data())) {
          throw new IllegalStateException("page " + count + " is not the one written: " + page);
        }
        count++;
      }
    }
    return count;
  }

  /** An output stream that keeps nothing, and counts. */
  public static final class CountingSink extends OutputStream {
    private long count;

    /** The bytes written so far. */
    public long count() {
      return count;
    }

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /**
   * A valid stream of {@code pages} pages, replayed from the chunks of {@link #DISTINCT} pages:
   * page {@code i} of the stream is {@link #page(long) page(i % DISTINCT)}. Holds about 1 MiB.
   */
  public static final class Source extends InputStream {
    private final byte[] head;
    private final byte[] body;
    private final byte[] end;
    private final long total;
    private long position;

    /** A stream of {@code pages} pages, a multiple of {@link #DISTINCT}. */
    public Source(long pages) {
      if (pages % DISTINCT != 0) {
        throw new IllegalArgumentException("a multiple of " + DISTINCT + " pages");
      }
      ByteSink sink = new ByteSink(DISTINCT * (Page.SIZE + 64));
      try {
        write(sink, DISTINCT);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      byte[] one = sink.toByteArray();
      int chunk = 12 + 8 + 4 + Page.SIZE;
      int headLength = one.length - 12 - DISTINCT * chunk;
      head = Arrays.copyOf(one, headLength);
      body = Arrays.copyOfRange(one, headLength, headLength + DISTINCT * chunk);
      end = Arrays.copyOfRange(one, one.length - 12, one.length);
      total = head.length + pages / DISTINCT * body.length + end.length;
    }

    /** The length of the whole stream. */
    public long length() {
      return total;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == total) {
        return -1;
      }
      long bodyEnd = total - end.length;
      int n;
      if (position < head.length) {
        n = Math.min(len, head.length - (int) position);
        System.arraycopy(head, (int) position, b, off, n);
      } else if (position < bodyEnd) {
        int at = (int) ((position - head.length) % body.length);
        n = (int) Math.min(Math.min(len, body.length - at), bodyEnd - position);
        System.arraycopy(body, at, b, off, n);
      } else {
        int at = (int) (position - bodyEnd);
        n = Math.min(len, end.length - at);
        System.arraycopy(end, at, b, off, n);
      }
      position += n;
      return n;
    }
  }
}

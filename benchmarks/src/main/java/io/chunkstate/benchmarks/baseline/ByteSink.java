package io.chunkstate.benchmarks.baseline;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An {@link OutputStream} into a reused, growable byte array: the "byte array" the snapshot
 * benchmarks write to. Unlike {@link java.io.ByteArrayOutputStream} it neither locks nor copies
 * on the way out.
 */
public final class ByteSink extends OutputStream {
  private byte[] buf;
  private int size;

  /** A sink whose array starts at {@code capacity} bytes. */
  public ByteSink(int capacity) {
    this.buf = new byte[capacity];
  }

  /** Empties the sink, keeping its array. */
  public void reset() {
    size = 0;
  }

  /** The array; its first {@link #size()} bytes are written. */
  public byte[] buffer() {
    return buf;
  }

  /** The number of bytes written. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  private void ensure(int n) {
    if (buf.length - size < n) {
      buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + (long) n, 2L * buf.length)));
    }
  }
}

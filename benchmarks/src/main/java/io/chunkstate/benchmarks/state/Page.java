package io.chunkstate.benchmarks.state;

import io.chunkstate.annotation.Chunk;
import java.io.Serializable;
import java.util.Arrays;

/** One 4 KiB page of guest memory and its guest-physical address. */
@Chunk("PaGE")
public record Page(long address, byte[] data) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The size of a page. */
  public static final int SIZE = 4096;

  // Records compare arrays by reference; state compares by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof Page p && address == p.address && Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(address) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Page[address=0x" + Long.toHexString(address) + ", " + data.length + " bytes]";
  }
}

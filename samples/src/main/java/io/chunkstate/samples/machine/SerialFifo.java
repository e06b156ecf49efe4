package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.FixedLength;
import java.util.Arrays;

/**
 * A 16-byte FIFO of a 16550 UART: one shape for the receive and the transmit FIFO. A holder
 * gives each role its own sub-chunk code ({@link SerialFifos}), so no wrapper type per role is
 * needed.
 *
 * @param data the FIFO's 16 bytes, a ring
 * @param head the index of the oldest byte
 * @param count how many bytes it holds
 */
@ChunkStruct
public record SerialFifo(@FixedLength(16) byte[] data, int head, int count) {
  /** An empty FIFO. */
  public static SerialFifo empty() {
    return new SerialFifo(new byte[16], 0, 0);
  }

  /** This FIFO with {@code bytes} added after what it holds. */
  public SerialFifo with(byte... bytes) {
    byte[] ring = data.clone();
    for (int i = 0; i < bytes.length; i++) {
      ring[(head + count + i) % ring.length] = bytes[i];
    }
    return new SerialFifo(ring, head, count + bytes.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerialFifo f
        && Arrays.equals(data, f.data)
        && head == f.head
        && count == f.count;
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(data) * 31 + head) * 31 + count;
  }

  @Override
  public String toString() {
    return "SerialFifo[head=" + head + ", count=" + count + "]";
  }
}

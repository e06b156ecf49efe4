package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import java.util.Arrays;

/**
 * The MSI-X table of a PCI device. Critical ({@code M}): a destination that does not know MSI-X
 * must refuse the stream rather than resume a device with its interrupts silently lost. A device
 * sends it only while MSI-X is enabled, so an older destination still accepts a guest that does not
 * use it.
 */
@Chunk("MsXs")
public record MsixState(
    boolean functionMasked, long[] messageAddresses, int[] messageData, boolean[] vectorMasked) {

  @Override
  public boolean equals(Object other) {
    return other instanceof MsixState m
        && functionMasked == m.functionMasked
        && Arrays.equals(messageAddresses, m.messageAddresses)
        && Arrays.equals(messageData, m.messageData)
        && Arrays.equals(vectorMasked, m.vectorMasked);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(messageAddresses) * 31 + Arrays.hashCode(messageData);
  }

  @Override
  public String toString() {
    int vectors = messageData == null ? 0 : messageData.length;
    return "MsixState[masked=" + functionMasked + ", vectors=" + vectors + "]";
  }
}

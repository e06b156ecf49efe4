package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;
import java.util.Arrays;

/**
 * A device slot of an xHCI controller, with its endpoints: an array of structs inside a struct,
 * inside the controller's array of slots.
 *
 * @param slotId the slot's id, from 1
 * @param state the slot state (disabled, default, addressed, configured)
 * @param endpoints its endpoint contexts, by endpoint index; null where one is not configured
 */
@ChunkStruct
public record XhciSlot(int slotId, byte state, XhciEndpoint[] endpoints) {
  @Override
  public boolean equals(Object other) {
    return other instanceof XhciSlot s
        && slotId == s.slotId
        && state == s.state
        && Arrays.equals(endpoints, s.endpoints);
  }

  @Override
  public int hashCode() {
    return (slotId * 31 + state) * 31 + Arrays.hashCode(endpoints);
  }

  @Override
  public String toString() {
    return "XhciSlot[slotId=" + slotId + ", state=" + state + ", endpoints="
        + Arrays.toString(endpoints) + "]";
  }
}

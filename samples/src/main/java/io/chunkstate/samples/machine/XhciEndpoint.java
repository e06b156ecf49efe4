package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.Unsigned;
import java.util.List;

/**
 * An endpoint context of an xHCI device slot: inline in its slot, itself inline in its controller.
 *
 * @param state the endpoint state (disabled, running, halted, stopped, error)
 * @param dequeuePointer the transfer ring's dequeue pointer, a guest physical address
 * @param cycle the ring's consumer cycle state
 * @param pendingTrbs the guest addresses of transfers in flight
 */
@ChunkStruct
public record XhciEndpoint(
    byte state, @Unsigned long dequeuePointer, boolean cycle, List<Long> pendingTrbs) {}

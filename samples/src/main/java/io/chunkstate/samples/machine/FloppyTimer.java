package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;

/**
 * The motor-off timer of a floppy controller: when the motors stop unless the guest touches the
 * drive again. Its sub-chunk code {@code tiMr} is the controller's own (SPEC §4): an xHCI
 * controller's {@code tiMr} holds an {@link XhciTimer}.
 *
 * @param expiresNs when the timer fires, in guest nanoseconds
 * @param armed whether it is running
 */
@ChunkStruct
public record FloppyTimer(long expiresNs, boolean armed) {}

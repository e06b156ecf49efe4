package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/**
 * The seed of the entropy device. Ancillary ({@code v}): a destination that does not know it
 * reseeds from its own entropy, which changes nothing the guest may rely on.
 */
@Chunk("vrSD")
public record RngSeed(byte[] seed) {}

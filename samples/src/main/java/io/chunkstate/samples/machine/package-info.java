/**
 * The devices of a small virtual machine, each a {@code @Chunk} type: a PCI device whose MSI-X
 * state is a critical sub-chunk sent only while MSI-X is enabled, a 16550 UART kept in a mutable
 * class, and a random number generator whose seed is an ancillary sub-chunk; and an e1000 network
 * card, which extends a {@code @ChunkBase} PCI function (unsigned IDs, a configuration space of
 * fixed length) and keeps its link speed as an enum that travels by value.
 */
package io.chunkstate.samples.machine;

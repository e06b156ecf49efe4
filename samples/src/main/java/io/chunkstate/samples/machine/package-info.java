/**
 * The devices of a small virtual machine, each a {@code @Chunk} type: a PCI device whose MSI-X
 * state is a critical sub-chunk sent only while MSI-X is enabled, a 16550 UART kept in a mutable
 * class, and a random number generator whose seed is an ancillary sub-chunk.
 */
package io.chunkstate.samples.machine;

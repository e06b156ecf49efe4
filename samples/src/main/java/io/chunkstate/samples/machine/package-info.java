/**
 * The devices of a small virtual machine, each a {@code @Chunk} type: a PCI device whose MSI-X
 * state is a critical sub-chunk sent only while MSI-X is enabled, a 16550 UART kept in a mutable
 * class, and a random number generator whose seed is an ancillary sub-chunk; an e1000 network
 * card, which extends a {@code @ChunkBase} PCI function (unsigned IDs, a configuration space of
 * fixed length) and keeps its link speed as an enum that travels by value; and the shapes of
 * real device models: a floppy controller whose drives are an array of sub-chunks, a UART's two
 * FIFOs as one struct under two sub-chunk codes of their own, and an xHCI controller's slots of
 * endpoints (arrays of structs in structs) and ports of devices (sub-chunks in sub-chunks), whose
 * timer shares its code {@code tiMr} with the floppy controller's, each meaning its own struct.
 */
package io.chunkstate.samples.machine;

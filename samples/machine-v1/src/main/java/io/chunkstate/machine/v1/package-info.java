/**
 * Version 1 of the migrating machine: a CPU, a PCI device with an optional critical MSI-X
 * sub-chunk, a UART and an entropy device with an ancillary seed, each a {@code @Chunk} record.
 */
package io.chunkstate.machine.v1;

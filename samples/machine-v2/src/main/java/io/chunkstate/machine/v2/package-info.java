/**
 * Version 2 of the migrating machine: version 1's devices with the same type codes, plus an
 * ancillary statistics chunk and a critical feature sub-chunk of the PCI device, present only
 * while the feature is in use.
 */
package io.chunkstate.machine.v2;

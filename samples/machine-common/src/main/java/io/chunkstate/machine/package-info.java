/**
 * What both versions of the migrating machine share, with no chunk types of its own: guest memory
 * in a memory-mapped file with a dirty log ({@link io.chunkstate.machine.MappedGuestMemory}), the
 * workload that dirties it, the {@link io.chunkstate.machine.Machine} that is the source or the
 * destination of a migration, and the digests it prints. Each version supplies its devices
 * through {@link io.chunkstate.machine.MachineModel}.
 */
package io.chunkstate.machine;

package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/**
 * What the machine has done since it booted: workload ticks and pages written. Ancillary ({@code
 * v}): a version 1 destination skips it and reports it skipped; a version 2 destination that
 * receives none starts counting afresh.
 */
@Chunk("vsTA")
public record Statistics(long ticks, long pagesWritten) {}

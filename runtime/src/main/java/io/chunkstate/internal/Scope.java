package io.chunkstate.internal;

import io.chunkstate.SkippedChunk;
import java.util.List;

/**
 * What every reader of one stream shares: where skipped chunks are recorded, the allocation
 * budget, and how deep sub-chunks may nest.
 *
 * @param skipped the unknown ancillary chunks skipped so far, at every depth
 * @param budget what the read may still allocate
 * @param maxDepth how many levels sub-chunks may nest below their top-level chunk
 */
public record Scope(List<SkippedChunk> skipped, Budget budget, int maxDepth) {}

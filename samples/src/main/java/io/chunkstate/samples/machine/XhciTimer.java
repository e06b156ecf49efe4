package io.chunkstate.samples.machine;

import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.Unsigned;

/**
 * The microframe index timer of an xHCI controller. Its sub-chunk code {@code tiMr} is the
 * controller's own, as {@link FloppyTimer}'s is the floppy controller's: one code, two shapes,
 * under two parents (SPEC §4).
 *
 * @param mfindex the microframe index register
 * @param startNs when the index was last zero, in guest nanoseconds
 */
@ChunkStruct
public record XhciTimer(@Unsigned int mfindex, long startNs) {}

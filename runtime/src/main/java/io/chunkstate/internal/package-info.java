/**
 * The runtime's core, not exported by its module: the one owner of framing and CRC ({@link
 * io.chunkstate.internal.Framing}, {@link io.chunkstate.internal.FrameReader}), every error's
 * factory ({@link io.chunkstate.internal.Errors}), the header's constants, the allocation budget,
 * the read deadline. Nothing outside the runtime may depend on it: its types change without
 * notice.
 */
package io.chunkstate.internal;

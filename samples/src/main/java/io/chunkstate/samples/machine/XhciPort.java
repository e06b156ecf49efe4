package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.Unsigned;
import java.util.List;

/**
 * A root hub port of an xHCI controller, with the devices behind it: a list of sub-chunks in a
 * sub-chunk of the controller.
 *
 * @param number the port's number, from 1
 * @param portsc the port status and control register
 * @param devices the devices attached (a hub's children after the first)
 */
@Chunk("XpRt")
public record XhciPort(int number, @Unsigned int portsc, List<UsbDevice> devices) {}

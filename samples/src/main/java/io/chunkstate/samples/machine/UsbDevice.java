package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;

/**
 * A USB device attached to a root hub port: a sub-chunk of its port, itself a sub-chunk of the
 * controller.
 *
 * @param address the USB address the guest gave it
 * @param speed the link speed (full, low, high, super)
 * @param product the product it emulates
 */
@Chunk("XuSb")
public record UsbDevice(byte address, byte speed, String product) {}

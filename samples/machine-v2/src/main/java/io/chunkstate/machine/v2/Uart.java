package io.chunkstate.machine.v2;

import io.chunkstate.annotation.Chunk;

/** A 16550-style UART: divisor, line control and the bytes waiting in its transmit FIFO. */
@Chunk("VuAR")
public record Uart(int divisor, byte lineControl, byte[] fifo) {}

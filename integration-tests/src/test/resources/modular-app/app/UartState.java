package app;

import io.chunkstate.annotation.Chunk;

@Chunk("UaRt")
public record UartState(int divisor, byte lineControl, byte[] fifo) {}

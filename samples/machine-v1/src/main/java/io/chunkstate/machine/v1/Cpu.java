package io.chunkstate.machine.v1;

import io.chunkstate.annotation.Chunk;

/** The processor: program counter, sixteen general registers, flags and the cycle count. */
@Chunk("VcPU")
public record Cpu(long pc, long[] registers, int flags, long cycles) {}

package io.chunkstate.conformance;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** The state of a device with twenty fields, for the allocation check. */
@Chunk("DeVs")
public record DeviceState(
    int id,
    long cycles,
    boolean enabled,
    byte irq,
    short vendor,
    char revision,
    float temperature,
    double voltage,
    Integer pending,
    Long deadline,
    String name,
    Shade shade,
    byte[] config,
    int[] registers,
    long[] bars,
    double[] samples,
    Pair pair,
    List<String> labels,
    List<Integer> queue,
    Note note) {}

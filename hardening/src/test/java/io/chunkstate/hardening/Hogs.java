package io.chunkstate.hardening;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import java.util.List;

/**
 * For each wire type, the element that costs the fewest bytes on the wire for the most on the
 * heap: a stream of many of them is the cheapest way to make a reader allocate.
 */
@Chunk("hoGs")
public record Hogs(
    List<Hogs.Empty> structs,
    List<Integer> boxed,
    List<String> strings,
    List<int[]> arrays,
    List<List<Integer>> lists,
    List<Hogs.Tone> enums,
    List<Hogs.Bit> subChunks) {

  /** A struct with no fields: one presence byte on the wire, one object on the heap. */
  @ChunkStruct
  public record Empty() {}

  /** An enum with a one-letter constant. */
  public enum Tone {
    A
  }

  /** A sub-chunk with no data: twelve bytes of framing, one object. */
  @Chunk("biTs")
  public record Bit() {}

  static Hogs none() {
    return new Hogs(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}

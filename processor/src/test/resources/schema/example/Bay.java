package example;

import io.chunkstate.annotation.Chunk;

/**
 * Arrays of sub-chunks: a final one of a mutable class, filled in place, each element applied in
 * place; another of records, assigned.
 */
@Chunk("BaYs")
public class Bay {
  final Counter[] counters = {new Counter(), new Counter()};
  Board.Slot[] slots;
}

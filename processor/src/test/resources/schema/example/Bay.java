package example;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/**
 * Arrays of sub-chunks: a final one of a mutable class, filled in place, each element applied in
 * place; another of records, assigned. A list of a mutable class whose own final arrays must fit,
 * applied element by element when the target's list is of its size and holds no null.
 */
@Chunk("BaYs")
public class Bay {
  final Counter[] counters = {new Counter(), new Counter()};
  Board.Slot[] slots;
  List<Clock> clocks;
}

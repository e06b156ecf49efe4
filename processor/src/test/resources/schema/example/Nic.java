package example;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** A class that extends a base, with an enum by value alone, in a list and in an array. */
@Chunk("NiCs")
public class Nic extends Function {
  Speed speed;
  List<Speed> allowed;
  Speed[] history;
}

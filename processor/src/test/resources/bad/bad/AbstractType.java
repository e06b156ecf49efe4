package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("AbSt")
abstract class AbstractType {
  int value;
}

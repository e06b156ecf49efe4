package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("BsUn")
class BaseUnreachable extends other.Bus {
  int speed;
}

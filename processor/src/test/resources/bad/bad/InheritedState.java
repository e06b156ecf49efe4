package bad;

import io.chunkstate.annotation.Chunk;

class Base {
  int inherited;
}

@Chunk("InHe")
class InheritedState extends Base {
  int own;
}

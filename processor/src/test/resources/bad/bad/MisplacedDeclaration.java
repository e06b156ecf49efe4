package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.Unsigned;

@Chunk("MsDc")
class MisplacedDeclaration {
  @Unsigned static int counter; // static
  int value;
}

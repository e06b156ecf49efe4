package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("UnRe")
class UnreachableField {
  int visible;
  private int hidden;

  public int getHidden() {
    return hidden;
  }
}

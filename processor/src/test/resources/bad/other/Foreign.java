package other;

import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
public class Foreign {
  public long visible;
  int hidden;

  public Foreign() {}
}

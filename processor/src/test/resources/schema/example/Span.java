package example;

import io.chunkstate.annotation.ChunkStruct;

/** A struct that is a mutable class and embeds another struct. */
@ChunkStruct
public class Span {
  Point from;
  private long length;

  public long getLength() {
    return length;
  }

  public void setLength(long length) {
    this.length = length;
  }
}

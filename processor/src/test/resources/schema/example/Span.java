package example;

import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.FixedLength;

/** A struct that is a mutable class, embeds another struct, and declares a string's length. */
@ChunkStruct
public class Span {
  Point from;
  private long length;
  @FixedLength(2) String unit;

  public long getLength() {
    return length;
  }

  public void setLength(long length) {
    this.length = length;
  }
}

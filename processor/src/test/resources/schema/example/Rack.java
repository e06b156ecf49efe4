package example;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** A mutable class that holds a mutable sub-chunk, restored in place, and a list of them. */
@Chunk("RaCk")
public class Rack {
  int slots;
  private Point origin;
  Counter counter;
  List<Board.Slot2> spares;

  public Point getOrigin() {
    return origin;
  }

  public void setOrigin(Point origin) {
    this.origin = origin;
  }
}

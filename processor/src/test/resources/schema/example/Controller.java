package example;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import java.util.List;

/** Arrays and lists of structs inside structs, several levels deep, as xHCI's slots hold endpoints. */
@Chunk("CtLr")
public record Controller(Slot[] slots, List<Board.Slot2> ports) {

  @ChunkStruct
  public record Slot(int id, Endpoint[] endpoints, List<Endpoint> spare) {}

  @ChunkStruct
  public record Endpoint(byte state, long[] rings, Point[] marks) {}
}

package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import java.util.Map;

/** Four problems in four types, and a clean type that uses one of the broken ones. */
final class Several {
  @Chunk("SEVr")
  record PublicCode(int value) {}

  @Chunk("SeMp")
  record WithMap(Map<String, Integer> table) {}

  @Chunk("SePr")
  static class Private {
    private long hidden;
  }

  @ChunkStruct
  record Holder(Leaf leaf) {}

  @Chunk("leAf")
  record Leaf(int value) {}

  @Chunk("SeUs")
  record UsesBroken(int value, Holder holder, WithMap child) {}
}

package bad;

import io.chunkstate.annotation.Chunk;
import java.util.List;

@Chunk("CoNt")
record SubChunkContainer(int value, List<Child[]> children) {
  @Chunk("chLd")
  record Child(int value) {}
}

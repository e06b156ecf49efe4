package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WhenAbsent;
import java.util.List;

final class AbsentField {
  @Chunk("abLf")
  record Leaf(int value) {}

  @Chunk("AbFd")
  record Tree(int id, @WhenAbsent("noLeaves") List<Leaf> leaves) {
    static List<Leaf> noLeaves() {
      return List.of();
    }
  }
}

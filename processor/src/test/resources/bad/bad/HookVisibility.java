package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.PreSave;

@Chunk("HoVs")
class HookVisibility {
  int level;

  @PreSave
  private void flush() {
    level = 0;
  }
}

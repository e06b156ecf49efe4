package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WireValue;

@Chunk("WvTa")
record WireValueTarget(int speed) {
  @WireValue(1) static final int GBIT = 3;
}

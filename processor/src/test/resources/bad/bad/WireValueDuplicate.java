package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WireValue;

@Chunk("WvDu")
record WireValueDuplicate(WireValueDuplicate.Speed speed) {
  enum Speed {
    @WireValue(1) TEN,
    @WireValue(2) HUNDRED,
    @WireValue(1) GBIT
  }
}

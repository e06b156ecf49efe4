package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.WireValue;

@Chunk("WvPa")
record WireValuePartial(WireValuePartial.Speed speed, WireValuePartial.Speed[] history) {
  enum Speed {
    @WireValue(1) TEN,
    HUNDRED,
    @WireValue(3) GBIT,
    OFF
  }
}

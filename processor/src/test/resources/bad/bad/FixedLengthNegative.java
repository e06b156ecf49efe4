package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.FixedLength;

@Chunk("FxNg")
record FixedLengthNegative(@FixedLength(2) String unit, @FixedLength(-1) byte[] config) {}

package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.FixedLength;
import java.util.List;

@Chunk("FxTy")
record FixedLengthType(@FixedLength(4) byte[] mac, @FixedLength(4) List<Byte> octets) {}

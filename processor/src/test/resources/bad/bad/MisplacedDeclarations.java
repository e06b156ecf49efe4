package bad;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.FixedLength;
import io.chunkstate.annotation.SubChunk;
import io.chunkstate.annotation.Unsigned;

@Chunk("MsDs")
class MisplacedDeclarations {
  @SubChunk("fiFo") static Fifo shared; // static sub-chunk
  @FixedLength(16) transient byte[] scratch = new byte[16]; // transient buffer
  @Unsigned transient short cache; // transient unsigned
  @FixedLength(4) byte[] kept = new byte[4];

  @ChunkStruct
  record Fifo(int head) {}
}

package example;

import io.chunkstate.annotation.Chunk;
import io.chunkstate.annotation.ChunkStruct;
import io.chunkstate.annotation.FixedLength;
import io.chunkstate.annotation.SubChunk;
import io.chunkstate.annotation.WhenAbsent;

/**
 * One struct in two roles, each a sub-chunk of a code its field declares: an ancillary one, and a
 * critical one with a value for when it is absent.
 */
@Chunk("SeRl")
public record Serial(
    int divisor,
    @SubChunk("rxFf") Fifo rx,
    @SubChunk("TxFf") @WhenAbsent("emptyFifo") Fifo tx) {

  static Fifo emptyFifo() {
    return new Fifo(new byte[16], 0, new Point(0, 0));
  }

  @ChunkStruct
  public record Fifo(@FixedLength(16) byte[] data, int head, Point mark) {}
}

package io.chunkstate;

import static io.chunkstate.testing.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.wire.WireReader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** {@link WireReader#ofChunk}: one framed chunk, checked as a stream's reader checks one. */
class WireReaderChunkTest {
  private static final ChunkType TYPE = ChunkType.of("DeVS");
  private static final ChunkType SUB = ChunkType.of("TmRS");

  /** An int, then a sub-chunk holding a long: the shape of a device with its timer. */
  private static byte[] device() {
    byte[] sub = frame(SUB, ByteBuffer.allocate(8).putLong(-5L).array());
    return frame(TYPE, ByteBuffer.allocate(4 + sub.length).putInt(42).put(sub).array());
  }

  @Test
  void readsTheDataOfTheChunkThatFillsTheBytes() throws ChunkStreamException {
    byte[] chunk = device();
    WireReader in = WireReader.ofChunk(TYPE, chunk);
    assertEquals(TYPE, in.type());
    assertEquals(0, in.chunkOffset());
    assertEquals(chunk.length - 12, in.length());
    assertEquals(42, in.readInt());
    WireReader timer = in.nextSubChunk();
    assertEquals(SUB, timer.type());
    assertEquals(12, timer.chunkOffset(), "offsets count from the chunk's first byte");
    assertEquals(-5L, timer.readLong());
    assertFalse(in.hasRemaining());
  }

  @Test
  void readsAChunkWithoutData() throws ChunkStreamException {
    WireReader in = WireReader.ofChunk(TYPE, frame(TYPE, new byte[0]));
    assertEquals(0, in.length());
    assertFalse(in.hasRemaining());
  }

  @Test
  void everyTruncationIsTruncatedAtTheChunk() {
    byte[] chunk = device();
    for (int cut = 0; cut < chunk.length; cut++) {
      ChunkStreamException e = fails(Arrays.copyOf(chunk, cut));
      assertEquals(Kind.TRUNCATED, e.kind(), "cut at " + cut);
      assertEquals(0, e.offset(), "cut at " + cut);
    }
  }

  @Test
  void bytesAfterTheCrcAreTrailingDataWhereTheyBegin() {
    byte[] chunk = device();
    ChunkStreamException e = fails(Arrays.copyOf(chunk, chunk.length + 3));
    assertEquals(Kind.TRAILING_DATA, e.kind());
    assertEquals(chunk.length, e.offset());
  }

  @Test
  void everyFlippedBitOfTheTypeDataOrCrcIsCaught() {
    byte[] chunk = device();
    for (int i = 4; i < chunk.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = chunk.clone();
        damaged[i] ^= (byte) (1 << bit);
        ChunkStreamException e = fails(damaged);
        Kind expected =
            i < 8
                ? (ChunkType.isValid(ByteBuffer.wrap(damaged).getInt(4)) ? Kind.CRC : Kind.TYPE)
                : Kind.CRC;
        assertEquals(expected, e.kind(), "byte " + i + ", bit " + bit);
        assertEquals(0, e.offset(), "byte " + i + ", bit " + bit);
      }
    }
  }

  @Test
  void aChunkOfAnotherTypeIsAStructureErrorNamingIt() {
    ChunkStreamException e = fails(frame(SUB, new byte[13]));
    assertEquals(Kind.STRUCTURE, e.kind());
    assertEquals("TmRS", e.path());
    assertEquals(0, e.offset());
  }

  @Test
  void aLengthPastTheBytesIsLengthAboveTheLimitAndTruncatedWithinItAsInAStream() {
    Kind[] expected = {Kind.LENGTH, Kind.TRUNCATED};
    int[] lengths = {0xFFFF_FFF0, Integer.MAX_VALUE}; // above 2^31-1, then at it
    for (int i = 0; i < lengths.length; i++) {
      byte[] chunk = device();
      ByteBuffer.wrap(chunk).putInt(0, lengths[i]);
      ChunkStreamException e = fails(chunk);
      assertEquals(expected[i], e.kind(), "length " + Integer.toUnsignedString(lengths[i]));
      assertEquals("DeVS", e.path());
      assertEquals(0, e.offset());
    }
  }

  @Test
  void aDamagedSubChunkIsReportedAtItsOffsetInTheChunk() throws ChunkStreamException {
    byte[] chunk = device();
    chunk[12 + 8] ^= 1; // the timer's data, the outer CRC made good again
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, chunk.length - 8);
    ByteBuffer.wrap(chunk).putInt(chunk.length - 4, (int) crc.getValue());
    WireReader in = WireReader.ofChunk(TYPE, chunk);
    in.readInt();
    ChunkStreamException e = assertThrows(ChunkStreamException.class, in::nextSubChunk);
    assertEquals(Kind.CRC, e.kind());
    assertEquals(12, e.offset());
    assertEquals("DeVS/TmRS", e.path());
  }

  private static ChunkStreamException fails(byte[] chunk) {
    return assertThrows(ChunkStreamException.class, () -> WireReader.ofChunk(TYPE, chunk));
  }
}

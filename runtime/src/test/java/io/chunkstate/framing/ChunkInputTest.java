package io.chunkstate.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A chunk read in two steps: its header, then its data read, skipped or copied. */
class ChunkInputTest {
  private static final ChunkType BLOB = ChunkType.of("blOb");
  private static final byte[] DATA = data(10_000);

  private static byte[] data(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }

  /** The signature, a {@code blOb} chunk of {@link #DATA}, and {@code CEND}. */
  private static byte[] stream() {
    WireWriter out = new WireWriter();
    out.writeRaw(Signature.CHUNKSTATE.bytes(), 0, 8);
    int mark = out.beginChunk(BLOB);
    out.writeRaw(DATA, 0, DATA.length);
    out.endChunk(mark);
    out.endChunk(out.beginChunk(ChunkType.CEND));
    return out.toByteArray();
  }

  private static ChunkInput open(byte[] bytes) throws IOException {
    return ChunkInput.open(new ByteArrayInputStream(bytes), Signature.CHUNKSTATE);
  }

  @Test
  void aHeaderThenItsDataSkippedOrCopiedLeavesTheInputAtTheNextChunk() throws IOException {
    for (boolean copy : new boolean[] {false, true}) {
      ChunkInput input = open(stream());
      ChunkInput.Header header = input.nextHeader();
      assertEquals(new ChunkInput.Header(BLOB, 8, DATA.length), header);
      assertEquals(16, input.position(), "after the header: the start of its data");
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      if (copy) {
        input.copyData(sink);
        assertArrayEquals(DATA, sink.toByteArray());
      } else {
        input.skipData();
      }
      assertEquals(8 + 12 + DATA.length, input.position());
      assertEquals(ChunkType.CEND, input.next().type());
      assertNull(input.nextHeader(), "the end of the input");
    }
  }

  @Test
  void skippedDataIsCheckedAgainstItsCrc() throws IOException {
    byte[] damaged = stream();
    damaged[16 + 5_000] ^= 1;
    ChunkInput input = open(damaged);
    input.nextHeader();
    ChunkStreamException e = assertThrows(ChunkStreamException.class, input::skipData);
    assertEquals(ChunkStreamException.Kind.CRC, e.kind());
    assertEquals(8, e.offset());
    assertEquals("blOb", e.path());
  }

  @Test
  void dataCutShortIsTruncatedWhetherReadSkippedOrCopied() throws IOException {
    byte[] cut = Arrays.copyOf(stream(), 8 + 8 + 100);
    for (int way = 0; way < 3; way++) {
      ChunkInput input = open(cut);
      input.nextHeader();
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              switch (way) {
                case 0 -> input::readData;
                case 1 -> input::skipData;
                default -> () -> input.copyData(new ByteArrayOutputStream());
              });
      assertEquals(ChunkStreamException.Kind.TRUNCATED, e.kind());
      assertEquals(8, e.offset());
    }
  }

  @Test
  void theStepsAreTakenInOrder() throws IOException {
    ChunkInput input = open(stream());
    assertThrows(IllegalStateException.class, input::skipData, "data before any header");
    input.nextHeader();
    assertThrows(IllegalStateException.class, input::nextHeader, "a header before the data");
    assertThrows(IllegalStateException.class, input::next, "a chunk before the data");
    assertArrayEquals(DATA, Arrays.copyOf(input.readData().data(), DATA.length));
    assertThrows(IllegalStateException.class, input::readData, "the data twice");
  }
}

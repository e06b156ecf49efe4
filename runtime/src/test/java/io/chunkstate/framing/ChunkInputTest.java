package io.chunkstate.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;
import io.chunkstate.testing.LargeChunks;
import io.chunkstate.testing.Sources;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What {@link ChunkInput} holds of a chunk read from an input stream is bounded by a budget: a
 * chunk too large for it fails with {@code LIMIT}, never with an {@code OutOfMemoryError} (SPEC
 * §5); and a chunk whose data need not be held is read in two steps, its header, then its data
 * skipped or copied through its CRC. The runtime's tests run with a 64 MiB heap.
 */
class ChunkInputTest {
  private static final ChunkType BLOB = ChunkType.of("blOb");

  @Test
  void aChunkLargerThanTheHeapCanBufferFailsWithLimit() throws IOException {
    // 40 MiB: buffered as it arrives, a 32 MiB buffer grows to 40 MiB while it is still held.
    byte[] signature = Signature.CHUNKSTATE.bytes();
    try (ChunkInput input =
        ChunkInput.open(
            LargeChunks.between(signature, BLOB, 40 << 20, new byte[0]), Signature.CHUNKSTATE)) {
      ChunkStreamException e = assertThrows(ChunkStreamException.class, input::next);
      assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
      assertEquals(8, e.offset(), e.getMessage());
      assertEquals("blOb", e.path(), e.getMessage());
    }
  }

  @Test
  void theBudgetCanBeSetAndAppliesToEachChunkInTurn() throws IOException {
    // Two chunks that fit in the budget one at a time, not together, and one that does not fit.
    StreamBuilder b =
        StreamBuilder.withHeader()
            .chunk("blOb", new byte[200 << 10])
            .chunk("blOb", new byte[200 << 10]);
    int third = b.position();
    byte[] stream = b.chunk("blOb", new byte[300 << 10]).end().bytes();
    for (Sources source : Sources.values()) {
      try (ChunkInput input =
          ChunkInput.open(source.open(stream), Signature.CHUNKSTATE, 512 << 10)) {
        input.next(); // CHDR
        assertEquals(200 << 10, input.next().length(), source.name());
        assertEquals(200 << 10, input.next().length(), source.name());
        ChunkStreamException e = assertThrows(ChunkStreamException.class, input::next);
        assertEquals(Kind.LIMIT, e.kind(), e.getMessage());
        assertEquals(third, e.offset(), e.getMessage());
        assertEquals("blOb", e.path(), e.getMessage());
        assertTrue(
            e.getMessage().contains("ChunkInput.open(in, signature, allocationBudget)"),
            e.getMessage());
      }
      try (ChunkInput input = ChunkInput.open(source.open(stream), Signature.CHUNKSTATE)) {
        int chunks = 0;
        while (input.next() != null) {
          chunks++;
        }
        assertEquals(5, chunks, "within the default budget");
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> ChunkInput.open(Sources.WHOLE.open(stream), Signature.CHUNKSTATE, 0));
  }

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
    assertEquals(Kind.CRC, e.kind());
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
      assertEquals(Kind.TRUNCATED, e.kind());
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

  @Test
  void afterACrcMismatchReadingGoesOnAndAfterAnyOtherFailureItCannot() throws IOException {
    byte[] damaged = stream();
    damaged[16 + 5_000] ^= 1;
    ChunkInput input = open(damaged);
    assertThrows(ChunkStreamException.class, input::next);
    assertEquals(ChunkType.CEND, input.next().type(), "the chunk after the damaged one");

    ChunkInput cut = open(Arrays.copyOf(stream(), 8 + 8 + 100));
    cut.nextHeader();
    ChunkStreamException e = assertThrows(ChunkStreamException.class, cut::skipData);
    IllegalStateException stranded = assertThrows(IllegalStateException.class, cut::nextHeader);
    assertEquals(e, stranded.getCause());
  }
}

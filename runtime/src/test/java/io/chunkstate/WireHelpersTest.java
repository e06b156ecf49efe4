package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-call helpers for boxed values and lists write the bytes that the field-by-field code
 * of a generated codec writes, and read them back as it does, with the same checks.
 */
class WireHelpersTest {
  private static final ChunkType DATA = ChunkType.of("DaTa");

  private static final List<String> LABELS = Arrays.asList("sata", null, "ahci ☃ 😀", "");
  private static final List<Integer> QUEUE = Arrays.asList(1, null, 300_000, -1);
  private static final List<Long> TIMES = Arrays.asList(null, Long.MIN_VALUE, 7L);

  /** The values written field by field, as generated code writes them without the helpers. */
  private static byte[] fieldByField() {
    WireWriter out = new WireWriter();
    Integer pending = 42;
    if (out.writePresence(pending)) {
      out.writeInt(pending);
    }
    Long deadline = null;
    if (out.writePresence(deadline)) {
      out.writeLong(deadline);
    }
    out.writeCount(LABELS.size());
    for (String label : LABELS) {
      out.writeString(label);
    }
    out.writeCount(QUEUE.size());
    for (Integer element : QUEUE) {
      if (out.writePresence(element)) {
        out.writeInt(element);
      }
    }
    out.writeCount(TIMES.size());
    for (Long element : TIMES) {
      if (out.writePresence(element)) {
        out.writeLong(element);
      }
    }
    out.writeCount(-1);
    out.writeCount(-1);
    out.writeCount(-1);
    return out.toByteArray();
  }

  private static byte[] withHelpers() {
    WireWriter out = new WireWriter();
    out.writeBoxedInt(42);
    out.writeBoxedLong(null);
    out.writeStringList(LABELS);
    out.writeIntegerList(QUEUE);
    out.writeLongList(TIMES);
    out.writeStringList(null);
    out.writeIntegerList(null);
    out.writeLongList(null);
    return out.toByteArray();
  }

  @Test
  void theHelpersWriteTheBytesOfTheFieldByFieldCode() {
    assertArrayEquals(fieldByField(), withHelpers());
  }

  @Test
  void theHelpersReadBackEveryValueNullsIncludedIntoMutableLists() throws ChunkStreamException {
    WireReader in = WireReader.of(DATA, withHelpers());
    assertEquals(42, in.readBoxedInt());
    assertNull(in.readBoxedLong());
    List<String> labels = in.readStringList();
    assertEquals(LABELS, labels);
    assertEquals(ArrayList.class, labels.getClass());
    assertEquals(QUEUE, in.readIntegerList());
    assertEquals(TIMES, in.readLongList());
    assertNull(in.readStringList());
    assertNull(in.readIntegerList());
    assertNull(in.readLongList());
    assertFalse(in.hasRemaining());
  }

  @Test
  void aCountPastTheDataIsALengthErrorBeforeAnyListIsMade() {
    byte[] data = {0x7f, 0, 0, 0, 1};
    for (int which = 0; which < 3; which++) {
      WireReader in = WireReader.of(DATA, data);
      int w = which;
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              () -> {
                switch (w) {
                  case 0 -> in.readStringList();
                  case 1 -> in.readIntegerList();
                  default -> in.readLongList();
                }
              });
      assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
      assertEquals("DaTa", e.path());
    }
  }

  @Test
  void aPresenceByteOtherThanZeroOrOneIsADataError() {
    WireReader in = WireReader.of(DATA, new byte[] {0, 0, 0, 1, 2, 0, 0, 0, 1});
    ChunkStreamException e = assertThrows(ChunkStreamException.class, in::readIntegerList);
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
  }
}

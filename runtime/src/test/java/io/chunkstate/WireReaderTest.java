package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Decoding primitives of {@link WireReader} that generated codecs call. */
class WireReaderTest {
  enum Tone {
    LOW,
    LOWER,
    GRÜN,
    Ö
  }

  private static final Tone[] TONES = Tone.values();
  private static final ChunkType TYPE = ChunkType.of("ToNe");

  private static WireReader reader(Consumer<WireWriter> data) {
    WireWriter out = new WireWriter();
    data.accept(out);
    return WireReader.of(TYPE, out.toByteArray());
  }

  @Test
  void readEnumFindsEachConstantByItsNameAndMovesPastIt() throws ChunkStreamException {
    for (Tone tone : TONES) {
      WireReader in = reader(w -> { w.writeEnum(tone); w.writeInt(77); });
      assertSame(tone, in.readEnum(TONES));
      assertEquals(77, in.readInt(), tone.name());
      assertEquals(0, in.remaining());
    }
  }

  @Test
  void readEnumReturnsNullForTheNullCount() throws ChunkStreamException {
    WireReader in = reader(w -> w.writeEnum(null));
    assertNull(in.readEnum(TONES));
    assertEquals(0, in.remaining());
  }

  @Test
  void aNameNoConstantHasIsADataErrorNamingIt() {
    for (String name : new String[] {"LO", "LOWEST", "low", "GRUN", "Ä", ""}) {
      WireReader in = reader(w -> w.writeString(name));
      ChunkStreamException e =
          assertThrows(ChunkStreamException.class, () -> in.readEnum(TONES));
      assertEquals(ChunkStreamException.Kind.DATA, e.kind());
      assertEquals("ToNe", e.path());
      assertEquals("io.chunkstate.WireReaderTest.Tone has no constant named \"" + name + "\"", e.detail());
    }
  }

  /** A peer chooses the name: it cannot break the message into lines or pass for other text. */
  @Test
  void aNameFromTheStreamIsQuotedWithEscapesOnOneLine() {
    String forged = "LOW\nINFO migration complete\r\u2028\u202e\"\\";
    WireReader in = reader(w -> w.writeString(forged));
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> in.readEnum(TONES));
    assertEquals(
        "io.chunkstate.WireReaderTest.Tone has no constant named \"LOW\\nINFO migration complete\\r\\u2028\\u202e\\\"\\\\\"",
        e.detail());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void aNameThatIsNotUtf8IsADataError() {
    // C3 alone starts a two-byte sequence and ends the data: not UTF-8, though GRÜN starts so.
    WireReader in = reader(w -> w.writeBytes(new byte[] {'G', 'R', (byte) 0xc3, 'N'}));
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> in.readEnum(TONES));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
  }

  @Test
  void aNameLongerThanTheDataIsALengthErrorBeforeAnyComparison() {
    WireReader in = reader(w -> { w.writeInt(1000); w.writeInt(0); });
    ChunkStreamException e =
        assertThrows(ChunkStreamException.class, () -> in.readEnum(TONES));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
  }
}

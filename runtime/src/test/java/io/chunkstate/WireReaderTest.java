package io.chunkstate;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
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

  /** Names of every length from 1 to 19: eight bytes at a time, four, and single bytes. */
  enum Width {
    A,
    AB,
    ABC,
    ABCD,
    ABCDE,
    ABCDEF,
    ABCDEFG,
    ABCDEFGH,
    ABCDEFGHI,
    ABCDEFGHIJ,
    ABCDEFGHIJK,
    ABCDEFGHIJKL,
    ABCDEFGHIJKLM,
    ABCDEFGHIJKLMN,
    ABCDEFGHIJKLMNO,
    ABCDEFGHIJKLMNOP,
    ABCDEFGHIJKLMNOPQ,
    ABCDEFGHIJKLMNOPQR,
    ABCDEFGHIJKLMNOPQRS
  }

  private static final Tone[] TONES = Tone.values();
  private static final Width[] WIDTHS = Width.values();
  private static final byte[][] WIDTH_NAMES = WireWriter.enumNames(WIDTHS);
  private static final byte[][] TONE_NAMES = WireWriter.enumNames(TONES);
  private static final ChunkType TYPE = ChunkType.of("ToNe");

  /** One way of reading an enum constant: by its constants' names, or by their kept bytes. */
  private interface EnumRead {
    Tone read(WireReader in) throws ChunkStreamException;
  }

  /** Both reads, which must agree on every input: a codec of either kind reads the same stream. */
  private static final EnumRead[] ENUM_READS = {
    in -> in.readEnum(TONES), in -> in.readEnum(TONES, TONE_NAMES)
  };

  private static byte[] bytes(Consumer<WireWriter> data) {
    WireWriter out = new WireWriter();
    data.accept(out);
    return out.toByteArray();
  }

  private static WireReader reader(Consumer<WireWriter> data) {
    WireWriter out = new WireWriter();
    data.accept(out);
    return WireReader.of(TYPE, out.toByteArray());
  }

  @Test
  void readEnumFindsEachConstantByItsNameAndMovesPastIt() throws ChunkStreamException {
    for (EnumRead read : ENUM_READS) {
      for (Tone tone : TONES) {
        WireReader in = reader(w -> { w.writeEnum(tone); w.writeInt(77); });
        assertSame(tone, read.read(in));
        assertEquals(77, in.readInt(), tone.name());
        assertEquals(0, in.remaining());
      }
    }
  }

  @Test
  void readEnumReturnsNullForTheNullCount() throws ChunkStreamException {
    for (EnumRead read : ENUM_READS) {
      WireReader in = reader(w -> w.writeEnum(null));
      assertNull(read.read(in));
      assertEquals(0, in.remaining());
    }
  }

  @Test
  void aNameNoConstantHasIsADataErrorNamingIt() {
    for (EnumRead read : ENUM_READS) {
      for (String name : new String[] {"LO", "LOWEST", "low", "GRUN", "Ä", ""}) {
        WireReader in = reader(w -> w.writeString(name));
        ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> read.read(in));
        assertEquals(ChunkStreamException.Kind.DATA, e.kind());
        assertEquals("ToNe", e.path());
        assertEquals(
            "io.chunkstate.WireReaderTest.Tone has no constant named \"" + name + "\"",
            e.detail());
      }
    }
  }

  /** A peer chooses the name: it cannot break the message into lines or pass for other text. */
  @Test
  void aNameFromTheStreamIsQuotedWithEscapesOnOneLine() {
    String forged = "LOW\nINFO migration complete\r\u2028\u202e\"\\";
    for (EnumRead read : ENUM_READS) {
      WireReader in = reader(w -> w.writeString(forged));
      ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> read.read(in));
      assertEquals(
          "io.chunkstate.WireReaderTest.Tone has no constant named \"LOW\\nINFO migration complete\\r\\u2028\\u202e\\\"\\\\\"",
          e.detail());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  /** Whatever its length, a name that differs from a constant's in any one byte is not it. */
  @Test
  void aNameOneByteAwayFromAConstantsNamesNone() throws ChunkStreamException {
    for (Width width : WIDTHS) {
      byte[] name = width.name().getBytes(StandardCharsets.US_ASCII);
      WireReader exact = WireReader.of(TYPE, bytes(w -> w.writeBytes(name)));
      assertSame(width, exact.readEnum(WIDTHS, WIDTH_NAMES));
      for (int at = 0; at < name.length; at++) {
        byte[] changed = name.clone();
        changed[at] = 'Z';
        WireReader in = WireReader.of(TYPE, bytes(w -> w.writeBytes(changed)));
        ChunkStreamException e =
            assertThrows(ChunkStreamException.class, () -> in.readEnum(WIDTHS, WIDTH_NAMES));
        assertEquals(
            "io.chunkstate.WireReaderTest.Width has no constant named \""
                + new String(changed, StandardCharsets.US_ASCII) + "\"",
            e.detail(),
            width + " with byte " + at + " changed");
      }
    }
  }

  /**
   * A byte with its high bit set, at any place of a string of any length, makes it UTF-8 to
   * decode: a character outside ASCII reads back, and a byte that starts no character is an error.
   */
  @Test
  void aByteOutsideAsciiAnywhereInAStringIsDecodedAsUtf8() throws ChunkStreamException {
    for (int n = 1; n <= 19; n++) {
      for (int at = 0; at < n; at++) {
        String text = "a".repeat(at) + "\u00e9" + "b".repeat(n - at - 1);
        assertEquals(text, reader(w -> w.writeString(text)).readString());

        byte[] broken = ("a".repeat(n)).getBytes(StandardCharsets.US_ASCII);
        broken[at] = (byte) 0xff;
        WireReader in = WireReader.of(TYPE, bytes(w -> w.writeBytes(broken)));
        ChunkStreamException e = assertThrows(ChunkStreamException.class, in::readString);
        assertEquals(
            "a string of " + n + " bytes at data byte 4 is not valid UTF-8",
            e.detail(),
            "0xff at " + at + " of " + n);
      }
    }
  }

  @Test
  void aNameThatIsNotUtf8IsADataError() {
    // C3 alone starts a two-byte sequence and ends the data: not UTF-8, though GRÜN starts so.
    for (EnumRead read : ENUM_READS) {
      WireReader in = reader(w -> w.writeBytes(new byte[] {'G', 'R', (byte) 0xc3, 'N'}));
      ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> read.read(in));
      assertEquals(ChunkStreamException.Kind.DATA, e.kind());
      assertEquals("a string of 4 bytes at data byte 4 is not valid UTF-8", e.detail());
    }
  }

  @Test
  void aNameLongerThanTheDataIsALengthErrorBeforeAnyComparison() {
    for (EnumRead read : ENUM_READS) {
      WireReader in = reader(w -> { w.writeInt(1000); w.writeInt(0); });
      ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> read.read(in));
      assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    }
  }

  @Test
  void aRunOfFixedWidthValuesReadsWhatTheWriterSetAndMovesPastIt() throws ChunkStreamException {
    WireReader in =
        reader(
            w -> {
              int at = w.reserve(30);
              w.setBoolean(at, true);
              w.setByte(at + 1, (byte) -7);
              w.setShort(at + 2, (short) -300);
              w.setChar(at + 4, '\u00e9');
              w.setInt(at + 6, 0xCAFEBABE);
              w.setLong(at + 10, Long.MIN_VALUE + 5);
              w.setFloat(at + 18, Float.intBitsToFloat(0x7fc00001));
              w.setDouble(at + 22, -0.0);
              w.writeInt(99);
            });
    int at = in.take(30);
    assertEquals(true, in.getBoolean(at));
    assertEquals((byte) -7, in.getByte(at + 1));
    assertEquals((short) -300, in.getShort(at + 2));
    assertEquals('\u00e9', in.getChar(at + 4));
    assertEquals(0xCAFEBABE, in.getInt(at + 6));
    assertEquals(Long.MIN_VALUE + 5, in.getLong(at + 10));
    assertEquals(0x7fc00001, Float.floatToRawIntBits(in.getFloat(at + 18)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.getDouble(at + 22)));
    assertEquals(99, in.readInt(), "the reader moved past the run");
    assertEquals(0, in.remaining());
  }

  @Test
  void theRemainingBytesAreEveryByteNotYetReadAndTheReaderEndsAfterThem()
      throws ChunkStreamException {
    WireReader in = reader(w -> { w.writeInt(7); w.writeRaw(new byte[] {1, -2, 3}, 0, 3); });
    assertEquals(7, in.readInt());
    byte[] rest = in.readRemainingBytes();
    assertArrayEquals(new byte[] {1, -2, 3}, rest);
    assertEquals(0, in.remaining());
    assertArrayEquals(new byte[0], in.readRemainingBytes(), "nothing is left at the end");

    byte[] data = {4, 5};
    rest = WireReader.of(TYPE, data).readRemainingBytes();
    rest[0] = 9;
    assertArrayEquals(new byte[] {4, 5}, data, "the state does not share the reader's bytes");
  }

  @Test
  void aRunLongerThanTheDataLeftIsALengthErrorAndClaimsNothing() throws ChunkStreamException {
    WireReader in = reader(w -> w.writeInt(5));
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> in.take(8));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    assertEquals("ToNe", e.path());
    assertEquals(0, e.offset());
    assertEquals(4, in.remaining(), "nothing was claimed");
    assertEquals(5, in.readInt());
  }

  @Test
  void aBooleanInARunThatIsNeitherZeroNorOneIsADataErrorNamingItsByte() throws ChunkStreamException {
    WireReader in = reader(w -> { w.writeInt(1); w.writeByte((byte) 2); });
    int at = in.take(5);
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> in.getBoolean(at + 4));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("a boolean must be 00 or 01, found 02 at data byte 4", e.detail());
  }

  @Test
  void anEnumWrittenFromItsKeptNamesHasTheBytesOfItsNameAndReadsBack() throws ChunkStreamException {
    for (Tone tone : new Tone[] {Tone.LOW, Tone.LOWER, Tone.GRÜN, Tone.Ö, null}) {
      WireWriter byName = new WireWriter();
      byName.writeEnum(tone);
      WireWriter kept = new WireWriter();
      kept.writeEnum(tone, TONE_NAMES);
      assertArrayEquals(byName.toByteArray(), kept.toByteArray(), String.valueOf(tone));
      for (EnumRead read : ENUM_READS) {
        WireReader in = WireReader.of(TYPE, kept.toByteArray());
        assertSame(tone, read.read(in));
        assertEquals(0, in.remaining());
      }
    }
  }
}

package io.chunkstate.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.properties.Wire.Field;
import io.chunkstate.testing.Generator;
import io.chunkstate.testing.PropertyCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Every wire type of SPEC §4 through {@link WireWriter} and back through {@link WireReader}:
 * decode(encode(x)) equals x bit for bit, the encoding is deterministic, and a cut anywhere is a
 * {@code LENGTH} error. Each property runs on many random cases ({@link PropertyCheck}); a failure
 * names the seed and case that replay it.
 */
class WireRoundTripTest {
  private static final ChunkType TYPE = ChunkType.of("TeSt");

  private static byte[] encode(List<Field> fields) {
    WireWriter out = new WireWriter();
    for (Field f : fields) {
      f.write(out);
    }
    return out.toByteArray();
  }

  @Test
  void everySequenceOfValuesReadsBackBitForBit() {
    PropertyCheck.forAll("decode(encode(values)) == values", 2000, g -> {
      List<Field> fields = Wire.fields(g, 30);
      WireReader in = WireReader.of(TYPE, encode(fields));
      for (Field f : fields) {
        Object read = f.wire().read(in);
        assertTrue(f.sameAs(read), () -> f + " read back as " + Wire.render(read));
      }
      assertFalse(in.hasRemaining(), "bytes left after the last value");
    });
  }

  @Test
  void encodingIsDeterministicAndIndependentOfBufferReuse() {
    PropertyCheck.forAll("encoding is deterministic", 500, g -> {
      List<Field> fields = Wire.fields(g, 30);
      List<Field> before = Wire.fields(g, 30);
      byte[] first = encode(fields);
      byte[] second = encode(fields);
      assertArrayEquals(first, second);

      WireWriter reused = new WireWriter(16);
      for (Field f : before) {
        f.write(reused);
      }
      reused.reset();
      for (Field f : fields) {
        f.write(reused);
      }
      assertArrayEquals(first, reused.toByteArray());
    });
  }

  @Test
  void aCutAnywhereIsALengthError() {
    PropertyCheck.forAll("a cut value is a LENGTH error", 1000, g -> {
      List<Field> fields = Wire.fields(g, 30);
      fields.add(Wire.field(g)); // at least one value
      byte[] full = encode(fields); // every wire type writes at least one byte
      int cut = g.between(0, full.length);
      WireReader in = WireReader.of(TYPE, Arrays.copyOf(full, cut));
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              () -> {
                for (Field f : fields) {
                  f.wire().read(in);
                }
              },
              () -> "cut at " + cut + " of " + full.length + ": " + fields);
      assertEquals(ChunkStreamException.Kind.LENGTH, e.kind(), e.getMessage());
      assertEquals("TeSt", e.path());
    });
  }

  @Test
  void stringsAreStandardUtf8() {
    PropertyCheck.forAll("strings are standard UTF-8", 1000, g -> {
      String s = g.aString();
      WireWriter out = new WireWriter();
      out.writeString(s);
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      byte[] expected = new byte[4 + utf8.length];
      expected[0] = (byte) (utf8.length >>> 24);
      expected[1] = (byte) (utf8.length >>> 16);
      expected[2] = (byte) (utf8.length >>> 8);
      expected[3] = (byte) utf8.length;
      System.arraycopy(utf8, 0, expected, 4, utf8.length);
      assertArrayEquals(expected, out.toByteArray());
      assertEquals(s, WireReader.of(TYPE, out.toByteArray()).readString());
    });
  }

  @Test
  void anUnpairedSurrogateIsRefusedAndLeavesTheWriterAsItWas() {
    PropertyCheck.forAll("a lone surrogate is refused", 500, g -> {
      String prefix = g.aString();
      char lone = g.aSurrogate();
      String suffix = g.aString();
      WireWriter out = new WireWriter();
      out.writeInt(42);
      // A high surrogate followed by a non-surrogate, or a low surrogate with no high one before.
      String bad = prefix + lone + (Character.isHighSurrogate(lone) ? "x" : "") + suffix;
      assertThrows(IllegalArgumentException.class, () -> out.writeString(bad), bad);
      assertEquals(4, out.size());
      out.writeString(suffix);
      WireWriter expected = new WireWriter();
      expected.writeInt(42);
      expected.writeString(suffix);
      assertArrayEquals(expected.toByteArray(), out.toByteArray());
    });
  }

  /** A type code for a sub-chunk: four letters of any case, but not CHDR or CEND. */
  private static ChunkType subChunkType(Generator g) {
    while (true) {
      ChunkType type = ChunkType.of(g.aTypeCode());
      if (!type.equals(ChunkType.CHDR) && !type.equals(ChunkType.CEND)) {
        return type;
      }
    }
  }

  record Sub(ChunkType type, List<Field> fields) {}

  @Test
  void subChunksAreFramedWithLengthTypeAndCrcAndReadBack() {
    PropertyCheck.forAll("sub-chunks are framed and read back", 1000, g -> {
      List<Field> inline = Wire.fields(g, 30);
      List<Sub> subs = g.listOf(g.between(0, 7), () -> new Sub(subChunkType(g), Wire.fields(g, 6)));
      WireWriter out = new WireWriter();
      for (Field f : inline) {
        f.write(out);
      }
      int inlineSize = out.size();
      for (Sub sub : subs) {
        int mark = out.beginChunk(sub.type());
        for (Field f : sub.fields()) {
          f.write(out);
        }
        out.endChunk(mark);
      }
      byte[] bytes = out.toByteArray();

      // The framing, checked independently of the reader.
      int at = inlineSize;
      for (Sub sub : subs) {
        int length = readInt(bytes, at);
        assertEquals(encode(sub.fields()).length, length);
        assertEquals(sub.type().value(), readInt(bytes, at + 4));
        CRC32 crc = new CRC32();
        crc.update(bytes, at + 4, length + 4);
        assertEquals((int) crc.getValue(), readInt(bytes, at + 8 + length));
        at += 12 + length;
      }
      assertEquals(bytes.length, at);

      WireReader in = WireReader.of(TYPE, bytes);
      for (Field f : inline) {
        assertTrue(f.sameAs(f.wire().read(in)), f::toString);
      }
      for (Sub sub : subs) {
        assertTrue(in.hasRemaining());
        WireReader child = in.nextSubChunk();
        assertEquals(sub.type(), child.type());
        assertEquals("TeSt/" + sub.type().code(), child.path());
        for (Field f : sub.fields()) {
          assertTrue(f.sameAs(f.wire().read(child)), f::toString);
        }
        assertFalse(child.hasRemaining());
      }
      assertFalse(in.hasRemaining());
    });
  }

  @Test
  void nanPayloadsSurviveInScalarsAndArrays() throws ChunkStreamException {
    float[] floats = {
      Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xffc12345)
    };
    double[] doubles = {
      Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0x7ff0000000000001L)
    };
    WireWriter out = new WireWriter();
    out.writeFloat(floats[1]);
    out.writeDouble(doubles[1]);
    out.writeFloats(floats);
    out.writeDoubles(doubles);
    WireReader in = WireReader.of(TYPE, out.toByteArray());
    assertEquals(0x7f800001, Float.floatToRawIntBits(in.readFloat()));
    assertEquals(0x7ff0000000000001L, Double.doubleToRawLongBits(in.readDouble()));
    assertTrue(Wire.same(floats, in.readFloats()));
    assertTrue(Wire.same(doubles, in.readDoubles()));
  }

  @Test
  void largeArraysAndStringsReadBack() throws ChunkStreamException {
    int n = 1 << 18; // the runtime's tests run under -Xmx64m
    int[] ints = new int[n];
    long[] longs = new long[n];
    byte[] bytes = new byte[4 * n];
    for (int i = 0; i < n; i++) {
      ints[i] = i * 31;
      longs[i] = -i * 1_000_003L;
      bytes[4 * i] = (byte) i;
    }
    String text = "\uD83D\uDE00é☃".repeat(n / 4);
    WireWriter out = new WireWriter();
    out.writeInts(ints);
    out.writeLongs(longs);
    out.writeBytes(bytes);
    out.writeString(text);
    WireReader in = WireReader.of(TYPE, out.toByteArray());
    assertArrayEquals(ints, in.readInts());
    assertArrayEquals(longs, in.readLongs());
    assertArrayEquals(bytes, in.readBytes());
    assertEquals(text, in.readString());
    assertFalse(in.hasRemaining());
  }

  @Test
  void nullAndEmptyAreDistinct() throws ChunkStreamException {
    WireWriter out = new WireWriter();
    out.writeString(null);
    out.writeString("");
    out.writeInts(null);
    out.writeInts(new int[0]);
    WireReader in = WireReader.of(TYPE, out.toByteArray());
    assertEquals(null, in.readString());
    assertEquals("", in.readString());
    assertEquals(null, in.readInts());
    assertArrayEquals(new int[0], in.readInts());
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }
}

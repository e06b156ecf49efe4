package io.chunkstate;

import io.chunkstate.wire.WireWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Encoding primitives of {@link WireWriter} that generated codecs call. */
class WireWriterTest {
  private static final float NAN_FLOAT = Float.intBitsToFloat(0x7fc00001);
  private static final double NAN_DOUBLE = Double.longBitsToDouble(0x7ff8000000000001L);

  @Test
  void aReservedRunHoldsTheBytesTheSingleWritesWrite() {
    WireWriter one = new WireWriter(16);
    one.writeString("before");
    one.writeInt(0x01020304);
    one.writeBoolean(true);
    one.writeByte((byte) -7);
    one.writeShort((short) -2);
    one.writeChar('\u00e9');
    one.writeLong(0x0102030405060708L);
    one.writeFloat(NAN_FLOAT);
    one.writeDouble(NAN_DOUBLE);
    one.writeBoolean(false);
    one.writeString("after");

    // Starts small: the run grows the buffer.
    WireWriter run = new WireWriter(16);
    run.writeString("before");
    int at = run.reserve(31);
    run.setInt(at, 0x01020304);
    run.setBoolean(at + 4, true);
    run.setByte(at + 5, (byte) -7);
    run.setShort(at + 6, (short) -2);
    run.setChar(at + 8, '\u00e9');
    run.setLong(at + 10, 0x0102030405060708L);
    run.setFloat(at + 18, NAN_FLOAT);
    run.setDouble(at + 22, NAN_DOUBLE);
    run.setBoolean(at + 30, false);
    run.writeString("after");

    assertArrayEquals(one.toByteArray(), run.toByteArray());
  }

  @Test
  void reserveReturnsTheIndexOfTheRunAndCountsItsBytes() {
    WireWriter out = new WireWriter(16);
    out.writeLong(1);
    assertEquals(8, out.reserve(100));
    assertEquals(108, out.size());
  }
}

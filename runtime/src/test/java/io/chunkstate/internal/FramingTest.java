package io.chunkstate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FramingTest {
  private static int jdkCrc(byte[] bytes, int from, int n) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, n);
    return (int) crc.getValue();
  }

  @Test
  void aChunkHasTheCrcOfItsTypeAndDataWhateverItsLengthAndPlace() {
    // Both sides of the table's threshold, every offset modulo 8, bytes of every value.
    SplittableRandom random = new SplittableRandom(15);
    byte[] bytes = new byte[256];
    CRC32 reused = Framing.newCrc();
    for (int round = 0; round < 200; round++) {
      random.nextBytes(bytes);
      for (int length = 0; length <= 40; length++) {
        for (int typeAt = 0; typeAt < 8; typeAt++) {
          int expected = jdkCrc(bytes, typeAt, 4 + length);
          assertEquals(expected, Framing.crc(reused, bytes, typeAt, length), "length " + length);
          assertEquals(expected, Framing.crc(bytes, typeAt, length), "length " + length);
          // The same chunk with its data elsewhere and its type as an int.
          assertEquals(
              expected,
              Framing.crc(reused, Framing.getInt(bytes, typeAt), bytes, typeAt + 4, length),
              "length " + length);
        }
      }
    }
  }

  @Test
  void theTableCrcIsTheJdksForEveryShortInput() {
    byte[] bytes = new byte[Framing.TABLE_CRC_BELOW + 3];
    for (int value = 0; value < 256; value++) {
      for (int n = 0; n < Framing.TABLE_CRC_BELOW; n++) {
        Arrays.fill(bytes, (byte) value);
        bytes[n / 2] = (byte) ~value;
        for (int from = 0; from <= 3; from++) {
          assertEquals(jdkCrc(bytes, from, n), Framing.tableCrc(bytes, from, n), value + "/" + n);
        }
      }
    }
  }

  @Test
  void theTableCrcRefusesBytesOutsideTheArray() {
    byte[] bytes = new byte[8];
    assertThrows(IndexOutOfBoundsException.class, () -> Framing.tableCrc(bytes, 6, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> Framing.tableCrc(bytes, -1, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> Framing.crc(Framing.newCrc(), bytes, 2, 3));
  }

  @Test
  void aChunkWithoutDataHasTheCrcOfItsType() {
    for (String code : new String[] {"CEND", "tEsT"}) {
      byte[] type = code.getBytes(StandardCharsets.US_ASCII);
      assertEquals(jdkCrc(type, 0, 4), Framing.emptyCrc(Framing.getInt(type, 0)), code);
    }
  }
}

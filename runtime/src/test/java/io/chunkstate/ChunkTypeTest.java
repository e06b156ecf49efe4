package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ChunkTypeTest {
  @Test
  void propertyBitsFollowTheCaseOfEachLetter() {
    ChunkType pcis = ChunkType.of("PCIs");
    assertTrue(pcis.isCritical());
    assertTrue(pcis.isPublic());
    assertFalse(pcis.isReservedBitSet());
    assertTrue(pcis.isSafeToCopy());

    ChunkType rnsd = ChunkType.of("rnSD");
    assertTrue(rnsd.isAncillary());
    assertTrue(rnsd.isPrivate());
    assertFalse(rnsd.isReservedBitSet());
    assertFalse(rnsd.isSafeToCopy());

    assertTrue(ChunkType.of("ABcD").isReservedBitSet());
    assertEquals("critical, private, reserved bit set, unsafe to copy", ChunkType.of("AbcD").properties());
  }

  @Test
  void theFormatsOwnTypesHaveTheirDocumentedProperties() {
    assertTrue(ChunkType.CHDR.isCritical() && ChunkType.CHDR.isPublic() && !ChunkType.CHDR.isSafeToCopy());
    assertTrue(ChunkType.DESC.isAncillary() && ChunkType.DESC.isPublic() && ChunkType.DESC.isSafeToCopy());
  }

  @Test
  void onlyFourAsciiLettersMakeACode() {
    for (String bad : List.of("", "ABC", "ABCDE", "AB1D", "AB D", "ÄBCD", "AB\u0000D", "AB[D", "AB`D")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkType.of(bad));
      assertTrue(e.getMessage().contains("four ASCII letters"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ChunkType.of((String) null));
    assertThrows(IllegalArgumentException.class, () -> ChunkType.of(0x41424344 | 0x80));
    assertFalse(ChunkType.isValid(0));
    assertTrue(ChunkType.isValid(0x7a7a5a7a));
  }

  @Test
  void everyByteAtEveryPositionIsALetterOrNot() {
    // Each pair of neighbouring bytes takes all 65,536 values, the other two bytes letters: a
    // check of all four bytes at once must not let one byte's value leak into its neighbour's.
    for (int shift = 0; shift <= 16; shift += 8) {
      for (int pair = 0; pair < 0x10000; pair++) {
        int value = (0x61616161 & ~(0xFFFF << shift)) | (pair << shift);
        boolean letters = true;
        for (int at = 0; at < 32; at += 8) {
          int b = (value >>> at) & 0xff;
          letters &= (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
        }
        assertEquals(letters, ChunkType.isValid(value), Integer.toHexString(value));
      }
    }
  }

  @Test
  void valueEqualityAndOrder() {
    assertEquals(ChunkType.of("PcIs"), ChunkType.of(0x50634973));
    assertEquals(ChunkType.of("PcIs").hashCode(), ChunkType.of("PcIs").hashCode());
    assertNotEquals(ChunkType.of("PcIs"), ChunkType.of("PCIs"));
    assertEquals("PcIs", ChunkType.of(0x50634973).code());
    assertEquals(0x50634973, ChunkType.of("PcIs").value());
    TreeSet<ChunkType> sorted = new TreeSet<>(List.of(ChunkType.of("zzzZ"), ChunkType.of("AAAA"), ChunkType.of("aAAA")));
    assertEquals(List.of("AAAA", "aAAA", "zzzZ"), sorted.stream().map(ChunkType::code).toList());
  }

  @Test
  void propertiesDoNotDependOnTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR")); // dotless i: 'I'.toLowerCase() != 'i'
      ChunkType type = ChunkType.of("iIiI");
      assertTrue(type.isAncillary());
      assertTrue(type.isPublic());
      assertTrue(type.isReservedBitSet());
      assertFalse(type.isSafeToCopy());
      assertEquals("iIiI", type.code());
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void toStringAndRenderAreReadable() {
    assertEquals("PcIs (critical, private, safe to copy)", ChunkType.of("PcIs").toString());
    assertEquals("A\\x00\\xFFz", ChunkType.render(0x4100ff7a));
  }
}

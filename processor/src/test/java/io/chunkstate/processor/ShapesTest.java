package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.encode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static io.chunkstate.testing.States.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.ChunkCodec;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.testing.Hex;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field shapes that declare what a field's values are (issue 13): an {@code @Unsigned} field
 * changes no byte and is described unsigned.
 */
class ShapesTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Pci",
                    "package p;",
                    "import io.chunkstate.annotation.Unsigned;",
                    "import java.util.List;",
                    "@io.chunkstate.annotation.Chunk(\"PcIe\")",
                    "public record Pci(@Unsigned short vendorId, @Unsigned byte rev,",
                    "    @Unsigned int bar, @Unsigned long mask, @Unsigned Integer boxed,",
                    "    @Unsigned int[] words, @Unsigned List<Long> longs, int plain) {",
                    "  public static Pci sample() {",
                    "    return new Pci((short) 0xFFFF, (byte) 0x80, 0xFEDC0000, -1L, -2,",
                    "        new int[] {-1}, List.of(-1L), -1);",
                    "  }",
                    "}")));
  }

  @Test
  void anUnsignedFieldChangesNoByte() throws Exception {
    byte[] expected =
        Hex.decode(
            "FFFF" // vendorId 0xFFFF, as a short -1 would be
                + " 80" // rev
                + " FEDC0000" // bar
                + " FFFFFFFFFFFFFFFF" // mask
                + " 01 FFFFFFFE" // boxed
                + " 00000001 FFFFFFFF" // words
                + " 00000001 01 FFFFFFFFFFFFFFFF" // longs: each element boxed
                + " FFFFFFFF"); // plain
    assertRoundTrip("p.Pci", expected);
  }

  @Test
  void anUnsignedFieldIsDescribedUnsigned() {
    TypeDescription description = schema.codec("p.Pci").description().orElseThrow();
    assertEquals(
        List.of(
            "vendorId:true", "rev:true", "bar:true", "mask:true", "boxed:true", "words:true",
            "longs:true", "plain:false"),
        description.fields().stream()
            .map(f -> f.name() + ":" + f.unsigned())
            .collect(Collectors.toList()));
    for (FieldDescription field : description.fields()) {
      assertEquals(-1, field.fixedLength(), field.name());
    }
  }

  private static void assertRoundTrip(String type, byte[] expected) throws Exception {
    ChunkCodec<Object> codec = schema.codec(type);
    Object sample = schema.call(type, "sample");
    assertArrayEquals(expected, encode(codec, sample));
    assertDeepEquals(sample, decode(codec, expected));
  }
}

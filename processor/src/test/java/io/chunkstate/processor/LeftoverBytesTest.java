package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.decode;
import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import io.chunkstate.testing.Hex;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chunk whose inline layout differs from the reader's by a field is refused, never read short:
 * bytes left after the reader's inline fields that do not form a sub-chunk, or data that ends
 * before them, are a {@code LENGTH} error at the chunk (SPEC §4). The runtime checks both; the
 * generated decode of a class with inline fields only must still hand it what is left.
 */
class LeftoverBytesTest {
  private static GeneratedCodecs schema;

  @BeforeAll
  static void compile() {
    schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.Level",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"LeVl\")",
                    "public class Level {",
                    "  public int level;",
                    "}"),
                source(
                    "p.Pair",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"PaIr\")",
                    "public record Pair(int first, int second) {}")));
  }

  @Test
  void aFieldMoreInTheStreamThanInTheReadersClassIsALengthError() throws Exception {
    ChunkCodec<Object> levels = schema.codec("p.Level");
    byte[] data = Hex.decode("00000005 00000007"); // a writer's Level(int level, int extra)
    assertLengthError(levels, data);

    Object target = levels.stateClass().getConstructor().newInstance();
    levels.stateClass().getField("level").set(target, 3);
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> levels.decodeInto(target, WireReader.of(levels.type(), data)));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind());
    assertEquals(3, levels.stateClass().getField("level").get(target), "the target is unchanged");
  }

  @Test
  void aFieldMoreInTheReadersRecordThanInTheStreamIsALengthError() {
    assertLengthError(schema.codec("p.Pair"), Hex.decode("00000005")); // a writer's Pair(int)
    assertLengthError(schema.codec("p.Pair"), Hex.decode("00000005 000000")); // and a byte short
  }

  private static void assertLengthError(ChunkCodec<Object> codec, byte[] data) {
    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> decode(codec, data));
    assertEquals(ChunkStreamException.Kind.LENGTH, e.kind(), e.getMessage());
    assertEquals(codec.type().code(), e.path(), "at the chunk, never a made-up sub-chunk");
  }
}

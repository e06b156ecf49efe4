package io.chunkstate.processor;

import static io.chunkstate.processor.GeneratedCodecs.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated codec says what it is: {@code UartStateChunkCodec[UaRt, p.UartState]}, its simple
 * name, then its code and the binary name of its state class, the same in every build.
 */
class CodecToStringTest {

  @Test
  void namesTheCodecItsCodeAndItsStateClass() {
    GeneratedCodecs schema =
        GeneratedCodecs.compile(
            List.of(
                source(
                    "p.UartState",
                    "package p;",
                    "@io.chunkstate.annotation.Chunk(\"UaRt\")",
                    "public record UartState(int divisor, byte control) {",
                    "  @io.chunkstate.annotation.Chunk(\"fiFo\")",
                    "  public static class Fifo { public int level; }",
                    "}")));

    assertEquals(
        "UartStateChunkCodec[UaRt, p.UartState]", schema.codec("p.UartState").toString());
    assertEquals(
        "UartState_FifoChunkCodec[fiFo, p.UartState$Fifo]",
        schema.codec("p.UartState$Fifo").toString());
  }

  @Test
  void isTheSameInAPackageWhoseOwnStringHidesJavaLangString() {
    GeneratedCodecs schema =
        GeneratedCodecs.compile(
            List.of(
                source("q.String", "package q;", "public class String {}"),
                source(
                    "q.Timer",
                    "package q;",
                    "@io.chunkstate.annotation.Chunk(\"TiMr\")",
                    "public record Timer(long count) {}")));

    assertEquals("TimerChunkCodec[TiMr, q.Timer]", schema.codec("q.Timer").toString());
  }
}

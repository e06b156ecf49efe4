package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.testing.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StateWriterTest {
  @Test
  void anEmptyStreamIsSignatureHeaderAndEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter.open(out, "vectors", TestCodecs.registry()).close();
    // SPEC §1 and §3, the same bytes as spec vector v01-minimal.
    assertArrayEquals(
        Hex.decode(
            "8943484b0d0a1a0a 0000000f 43484452 0001 0000 00000007 766563746f7273 1537cc90"
                + " 00000000 43454e44 c1ff80e6"),
        out.toByteArray());
  }

  @Test
  void aStateWithoutACodecIsRefusedBeforeAnythingIsWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    int before = out.size();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write("text"));
    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    assertEquals(before, out.size());
  }

  @Test
  void aStringUtf8CannotEncodeIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    int before = out.size();
    TestCodecs.Flags bad = new TestCodecs.Flags(true, "a\ud800b", null, null);
    assertThrows(IllegalArgumentException.class, () -> writer.write(bad));
    assertEquals(before, out.size());
    writer.write(new TestCodecs.Flags(true, "ok", null, null));
    writer.close();
    assertEquals("ok", StateReader.read(out.toByteArray(), TestCodecs.registry()).get(TestCodecs.Flags.class).name());
  }

  @Test
  void closeWritesCendOnceAndWritingAfterCloseIsAnError() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry());
    writer.close();
    writer.close();
    byte[] bytes = out.toByteArray();
    assertArrayEquals(Hex.decode("00000000 43454e44 c1ff80e6"), Arrays.copyOfRange(bytes, bytes.length - 12, bytes.length));
    assertThrows(IllegalStateException.class, () -> writer.write(new TestCodecs.Node(1, null)));
  }

  @Test
  void crcIsTheStandardCrc32() {
    WireWriter w = new WireWriter();
    int mark = w.beginChunk(ChunkType.of("IEND"));
    w.endChunk(mark);
    // PNG's IEND chunk: 00000000 49454E44 AE426082
    assertArrayEquals(Hex.decode("00000000 49454e44 ae426082"), w.toByteArray());
  }
}

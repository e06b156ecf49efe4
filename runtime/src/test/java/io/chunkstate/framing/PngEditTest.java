package io.chunkstate.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.chunkstate.ChunkType;
import io.chunkstate.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The editor walks a PNG as readily as a chunkstate stream, given PNG's critical chunks. */
class PngEditTest {
  private static final ChunkEditor PNG =
      ChunkEditor.of(
          Signature.PNG,
          ChunkEditor.Structure.withoutSubChunks(
              Stream.of("IHDR", "PLTE", "IDAT", "IEND").map(ChunkType::of).toList()));

  @Test
  void everyWellFramedPngSuiteImageIsCopiedAsItIsOrWithoutItsAncillaryChunks() throws Exception {
    List<Path> images;
    try (Stream<Path> files = Files.list(SharedFiles.resolve("pngsuite"))) {
      images =
          files
              .filter(f -> f.getFileName().toString().endsWith(".png"))
              .filter(f -> !f.getFileName().toString().startsWith("x")) // the damaged ones
              .sorted()
              .toList();
    }
    for (Path image : images) {
      byte[] png = Files.readAllBytes(image);
      assertArrayEquals(png, copy(PNG, png), image.toString());
      assertArrayEquals(criticalOnly(png), copy(PNG.stripAncillary(), png), image.toString());
    }
  }

  private static byte[] copy(ChunkEditor editor, byte[] png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    editor.copy(png, out);
    return out.toByteArray();
  }

  private static byte[] criticalOnly(byte[] png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ChunkInput in = ChunkInput.open(png, Signature.PNG);
        ChunkOutput output = ChunkOutput.open(out, Signature.PNG)) {
      for (RawChunk chunk; (chunk = in.next()) != null; ) {
        if (chunk.type().isCritical()) {
          output.write(chunk);
        }
      }
    }
    return out.toByteArray();
  }
}

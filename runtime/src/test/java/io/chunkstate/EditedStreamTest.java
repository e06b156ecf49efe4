package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.ChunkPath;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Layouts;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.LargeChunks;
import io.chunkstate.testing.Sources;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An edited stream is a stream: the state reader reads it with the same codecs, every CRC at
 * every depth recomputed, and the editor's structure comes from the codecs' descriptions.
 */
class EditedStreamTest {
  private static final ChunkType NODE = TestCodecs.NODE;
  private static final ChunkType EXTRA = ChunkType.of("xtRa");

  /** The descriptions the processor would generate for the test codecs. */
  private static final Layouts LAYOUTS =
      Layouts.of(
          List.of(
              new TypeDescription(
                  NODE,
                  Node.class.getName(),
                  List.of(FieldDescription.of("depth", WireType.Primitive.INT, "int")),
                  List.of(new SubChunkField("child", NODE, Node.class.getName(), false))),
              new TypeDescription(
                  TestCodecs.FLAGS,
                  Flags.class.getName(),
                  List.of(
                      FieldDescription.of("on", WireType.Primitive.BOOLEAN, "boolean"),
                      FieldDescription.of("name", WireType.TEXT, "String"),
                      FieldDescription.of(
                          "color",
                          new WireType.EnumType(Color.class.getName(), List.of("RED", "GREEN")),
                          "Color"),
                      FieldDescription.of(
                          "values", new WireType.Sequence(WireType.Primitive.INT), "int[]")),
                  List.of())));

  private static byte[] written(Object... states) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "test", TestCodecs.registry())) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  private static byte[] encoded(int depth) {
    WireWriter w = new WireWriter();
    w.writeInt(depth);
    return w.toByteArray();
  }

  @Test
  void theStateReaderReadsAnEditedStream() throws IOException {
    Flags flags = new Flags(true, "uart", Color.GREEN, new int[] {1, 2});
    byte[] input = written(new Node(0, new Node(1, new Node(2, null))), flags);
    ChunkPath middle = ChunkPath.parse("NoDe/NoDe");
    ChunkEditor editor =
        ChunkEditor.of(Signature.CHUNKSTATE, LAYOUTS)
            .remove(middle.child(NODE, 0))
            .append(middle, NODE, encoded(9))
            .insertBefore(middle, EXTRA, new byte[] {1, 2, 3})
            .replace(ChunkPath.parse("FlAg"), flagsData(new Flags(false, "com", Color.RED, null)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    editor.copy(input, out);

    Snapshot snapshot = StateReader.read(out.toByteArray(), TestCodecs.registry());
    assertEquals(new Node(0, new Node(1, new Node(9, null))), snapshot.get(Node.class));
    Flags edited = snapshot.get(Flags.class);
    assertEquals("com", edited.name());
    assertEquals(Color.RED, edited.color());
    long extraAt = 8 + (12 + 12) + 8 + 4; // signature, CHDR of "test", NoDe's header and int
    assertEquals(List.of(new SkippedChunk(EXTRA, extraAt, 3, "NoDe/xtRa")), snapshot.skipped());
  }

  private static byte[] flagsData(Flags flags) {
    WireWriter w = new WireWriter();
    new TestCodecs.FlagsCodec().encode(flags, w);
    return w.toByteArray();
  }

  @Test
  void aStreamTooLargeToHoldIsCopiedAsItComes() throws IOException {
    // 128 MiB of an unknown ancillary chunk through a 64 MiB heap, made as it is read.
    int length = 128 << 20;
    byte[] head = written();
    int cendAt = head.length - 12;
    InputStream in =
        LargeChunks.between(
            Arrays.copyOf(head, cendAt),
            ChunkType.of("blOb"),
            length,
            Arrays.copyOfRange(head, cendAt, head.length));
    long[] written = new long[1];
    byte[] last = new byte[12];
    OutputStream counting =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
              last[(int) ((written[0] + i) % 12)] = b[off + i];
            }
            written[0] += len;
          }
        };
    ChunkEditor.of(Signature.CHUNKSTATE, LAYOUTS)
        .append(ChunkPath.ROOT, NODE, encoded(1))
        .copy(in, counting);
    assertEquals(cendAt + 12L + length + 16 + 12, written[0]);
    byte[] tail = new byte[12];
    for (int k = 0; k < 12; k++) {
      tail[k] = last[(int) ((written[0] - 12 + k) % 12)];
    }
    assertArrayEquals(Arrays.copyOfRange(head, cendAt, head.length), tail);
  }

  @Test
  void anEditedStreamReadByteByByteIsTheSame() throws IOException {
    byte[] input = written(new Node(0, new Node(1, null)));
    ChunkEditor editor =
        ChunkEditor.of(Signature.CHUNKSTATE, LAYOUTS)
            .append(ChunkPath.parse("NoDe/NoDe"), NODE, encoded(2));
    ByteArrayOutputStream fromArray = new ByteArrayOutputStream();
    editor.copy(input, fromArray);
    ByteArrayOutputStream fromStream = new ByteArrayOutputStream();
    editor.copy(Sources.ONE_BYTE_AT_A_TIME.open(input), fromStream);
    assertArrayEquals(fromArray.toByteArray(), fromStream.toByteArray());
    assertEquals(
        new Node(0, new Node(1, new Node(2, null))),
        StateReader.read(fromStream.toByteArray(), TestCodecs.registry()).get(Node.class));
  }
}

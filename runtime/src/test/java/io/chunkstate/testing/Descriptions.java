package io.chunkstate.testing;

import io.chunkstate.ChunkType;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import java.util.ArrayList;
import java.util.List;

/** Descriptions of a size a test chooses, as the data of a {@code dESc} chunk. */
public final class Descriptions {
  private Descriptions() {}

  /** A description of one type, {@code ZzZz}, that no test codec has, with {@code n} int fields. */
  public static byte[] ofInts(int n) {
    List<FieldDescription> fields = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fields.add(FieldDescription.of("f" + i, WireType.Primitive.INT, "int"));
    }
    return DescChunk.encode(
        List.of(new TypeDescription(ChunkType.of("ZzZz"), "p.Z", fields, List.of())));
  }
}

package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Color;
import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.testing.Descriptions;
import io.chunkstate.testing.StreamBuilder;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream that carries a description is checked against the reader's codecs before anything is
 * decoded: two inline fields swapped between releases (rdtr and itr, both int), which would read
 * silently into each other's place, fail with LAYOUT.
 */
class LayoutCheckTest {
  record Nic(int rdtr, int itr) {}

  /** NiCs, with its inline fields in the order {@code names} gives. */
  static final class NicCodec implements ChunkCodec<Nic> {
    private final boolean swapped;

    NicCodec(boolean swapped) {
      this.swapped = swapped;
    }

    @Override
    public ChunkType type() {
      return ChunkType.of("NiCs");
    }

    @Override
    public Class<Nic> stateClass() {
      return Nic.class;
    }

    @Override
    public Optional<TypeDescription> description() {
      FieldDescription rdtr = FieldDescription.of("rdtr", WireType.Primitive.INT, "int");
      FieldDescription itr = FieldDescription.of("itr", WireType.Primitive.INT, "int");
      return Optional.of(
          new TypeDescription(
              type(), Nic.class.getName(), swapped ? List.of(itr, rdtr) : List.of(rdtr, itr),
              List.of()));
    }

    @Override
    public void encode(Nic nic, WireWriter out) {
      out.writeInt(swapped ? nic.itr() : nic.rdtr());
      out.writeInt(swapped ? nic.rdtr() : nic.itr());
    }

    @Override
    public Nic decode(WireReader in) throws ChunkStreamException {
      int first = in.readInt();
      int second = in.readInt();
      return swapped ? new Nic(second, first) : new Nic(first, second);
    }
  }

  @Test
  void twoInlineFieldsSwappedAgainstTheReaderFailWithLayoutBeforeAnyState(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("nic.chk");
    SnapshotFile.write(
        file, "release 1", ChunkRegistry.of(new NicCodec(false)), w -> w.write(new Nic(1, 2)));
    assertEquals(new Nic(1, 2),
        SnapshotFile.read(file, ChunkRegistry.of(new NicCodec(false))).get(Nic.class));

    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> SnapshotFile.read(file, ChunkRegistry.of(new NicCodec(true))));
    assertEquals(ChunkStreamException.Kind.LAYOUT, e.kind());
    assertEquals("dESc", e.path());
    assertTrue(e.getMessage().contains("NiCs"), e.getMessage());
    assertTrue(e.getMessage().contains("rdtr"), e.getMessage());

    // Without a description, the same bytes read silently into each other's place: the reason
    // snapshot files carry one.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "release 1", ChunkRegistry.of(new NicCodec(false)))) {
      writer.write(new Nic(1, 2));
      writer.finish();
    }
    assertEquals(new Nic(2, 1),
        StateReader.read(out.toByteArray(), ChunkRegistry.of(new NicCodec(true))).get(Nic.class));
  }

  /** The least allocation budget within which {@code description} decodes. */
  private static long leastBudget(byte[] description) {
    long lo = 1;
    long hi = 1L << 30;
    while (lo < hi) {
      long mid = (lo + hi) / 2;
      try {
        DescChunk.decode(description, 0, mid);
        hi = mid;
      } catch (ChunkStreamException e) {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Test
  void aDescriptionIsCheckedWithinTheReadsBudgetAndGivenBackOnceChecked() throws IOException {
    byte[] description = Descriptions.ofInts(5000);
    long budget = leastBudget(description) * 8 / 5; // the description takes more than half
    Flags flags = new Flags(true, "x".repeat((int) (budget * 3 / 5)), Color.RED, new int[0]);
    ChunkRegistry registry = TestCodecs.registry();
    ReadOptions options = ReadOptions.defaults().withAllocationBudget(budget);
    WireWriter encoded = new WireWriter();
    new TestCodecs.FlagsCodec().encode(flags, encoded);
    byte[] state = encoded.toByteArray();

    // After a state, which the read holds: the two do not fit in the budget together.
    StreamBuilder after = StreamBuilder.withHeader().chunk("FlAg", state);
    int at = after.position();
    byte[] described = after.chunk("dESc", description).end().bytes();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> StateReader.read(described, registry, options));
    assertEquals(ChunkStreamException.Kind.LIMIT, e.kind(), e.getMessage());
    assertEquals(at, e.offset(), e.getMessage());
    assertEquals("dESc", e.path(), e.getMessage());
    assertEquals(
        flags.name(),
        StateReader.read(described, registry).get(Flags.class).name(),
        "within the default budget");

    // Before it: the descriptions are dropped once checked, and the state has the budget.
    byte[] first =
        StreamBuilder.withHeader().chunk("dESc", description).chunk("FlAg", state).end().bytes();
    assertEquals(flags.name(), StateReader.read(first, registry, options).get(Flags.class).name());
  }
}

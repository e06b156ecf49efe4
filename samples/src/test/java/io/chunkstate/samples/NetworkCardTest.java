package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.StateWriter;
import io.chunkstate.samples.machine.E1000;
import io.chunkstate.samples.machine.LinkSpeed;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The e1000 card: its PCI function's state (unsigned IDs, a configuration space of 256 bytes)
 * travels first, then its own registers, its link speed by value, and its pending interrupt causes.
 */
class NetworkCardTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  @SuppressWarnings("unchecked") // the registry pairs the class with its own codec
  private static final ChunkCodec<E1000> CODEC =
      (ChunkCodec<E1000>) REGISTRY.codecFor(ChunkType.of("EnIc")).orElseThrow();

  private static byte[] encode(E1000 card) {
    WireWriter out = new WireWriter();
    CODEC.encode(card, out);
    return out.toByteArray();
  }

  @Test
  void theCardRoundTripsThroughAStream() throws IOException {
    E1000 card = E1000.linkedUp();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(bytes, "samples", REGISTRY)) {
      writer.write(card);
      writer.write(new E1000());
      writer.finish();
    }
    Snapshot snapshot =
        StateReader.read(new ByteArrayInputStream(bytes.toByteArray()), REGISTRY);
    assertEquals(List.of(card, new E1000()), snapshot.all(E1000.class));
  }

  @Test
  void thePciFunctionsStateComesFirstAndTheSpeedTravelsAsItsValue() {
    byte[] data = encode(E1000.linkedUp());
    assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x86, 0x10, 0x0e}, Arrays.copyOf(data, 4));
    assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOfRange(data, 4, 8), "count 256");
    int afterRegisters = 4 + 4 + 256 + 4 + 4 + 2 + 2;
    assertArrayEquals(
        new byte[] {1, 0, 0, 0, 3},
        Arrays.copyOfRange(data, afterRegisters, afterRegisters + 5),
        "present, GBIT's value 3");
  }

  @Test
  void aRestoreInPlaceKeepsTheConfigurationSpaceArray() throws IOException {
    E1000 live = new E1000();
    byte[] config = live.configSpace();
    CODEC.decodeInto(live, WireReader.of(CODEC.type(), encode(E1000.linkedUp())));
    assertEquals(E1000.linkedUp(), live);
    assertSame(config, live.configSpace());
  }

  @Test
  void aSpeedTheReaderDoesNotKnowIsData() {
    byte[] data = encode(E1000.linkedUp());
    int speed = 4 + 4 + 256 + 4 + 4 + 2 + 2 + 1;
    data[speed + 3] = 9;
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> CODEC.decode(WireReader.of(CODEC.type(), data)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals(
        "E1000.speed: io.chunkstate.samples.machine.LinkSpeed has no constant with wire value 9",
        e.detail());
  }

  @Test
  void theDescriptionSaysWhatIsUnsignedFixedAndByValue() {
    TypeDescription description = CODEC.description().orElseThrow();
    assertEquals(
        "vendorId:short!u,deviceId:short!u,configSpace:byte[]#256,ctrl:int!u,status:int!u,"
            + "rxTail:short!u,txTail:short!u,speed:enumvalue,pendingCauses:long[]",
        description.fields().stream()
            .map(FieldDescription::layout)
            .collect(Collectors.joining(",")));
    assertEquals(
        new WireType.EnumValueType(
            LinkSpeed.class.getName(),
            List.of("DOWN", "MBIT_10", "MBIT_100", "GBIT"),
            List.of(0, 1, 2, 3)),
        description.fields().get(7).wire());
  }
}

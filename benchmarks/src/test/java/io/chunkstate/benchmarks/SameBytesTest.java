package io.chunkstate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkDecoder;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.Snapshot;
import io.chunkstate.StateReader;
import io.chunkstate.wire.WireWriter;
import io.chunkstate.benchmarks.baseline.ByteSink;
import io.chunkstate.benchmarks.baseline.HandWritten;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written baseline and the generated codecs write the same bytes and read each other's:
 * the benchmarks compare two ways of doing the same work, not two formats.
 */
class SameBytesTest {
  private final DeviceState device = Fixtures.device(3);

  @Test
  void deviceChunkIsTheSameBytes() throws ChunkStreamException {
    ChunkCodec<DeviceState> codec = ChunkstateCodecs.codec(DeviceState.class);
    WireWriter wire = new WireWriter();
    wire.writeChunk(codec, device);
    HandWritten handWritten = new HandWritten(16);
    handWritten.writeDevice(device);

    assertArrayEquals(wire.toByteArray(), handWritten.toByteArray());
    assertEquals(device, new ChunkDecoder().decode(codec, handWritten.toByteArray()));
    assertEquals(device, handWritten.readDevice(wire.toByteArray()));
  }

  @Test
  void snapshotStreamIsTheSameBytes() throws ChunkStreamException {
    MachineSnapshot full = Fixtures.machine();
    MachineSnapshot machine =
        new MachineSnapshot(full.devices(), new ArrayList<>(full.pages().subList(0, 8)));
    ByteSink sink = new ByteSink(16);
    ChunkstateCodecs.writeStream(sink, machine);
    HandWritten handWritten = new HandWritten(16);
    handWritten.writeHeader(ChunkstateCodecs.PRODUCER);
    machine.devices().forEach(handWritten::writeDevice);
    machine.pages().forEach(handWritten::writePage);
    handWritten.writeEnd();

    assertArrayEquals(sink.toByteArray(), handWritten.toByteArray());

    List<Object> expected = new ArrayList<>(machine.devices());
    expected.addAll(machine.pages());
    Snapshot snapshot = StateReader.read(handWritten.toByteArray(), ChunkstateCodecs.REGISTRY);
    assertEquals(ChunkstateCodecs.PRODUCER, snapshot.producer());
    assertEquals(expected, snapshot.states());
    assertEquals(machine.pages(), snapshot.all(Page.class));
    assertEquals(expected, handWritten.readStream(sink.toByteArray()).states());
  }
}

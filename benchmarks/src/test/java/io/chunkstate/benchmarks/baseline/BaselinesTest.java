package io.chunkstate.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Fixtures;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every baseline gives back the state it was given: a benchmark of a broken codec means nothing. */
class BaselinesTest {
  private final DeviceState device = Fixtures.device(3);
  private final MachineSnapshot machine = smallMachine();

  @Test
  void handWrittenReadsBackItsStream() throws ChunkStreamException {
    HandWritten codec = new HandWritten(16);
    codec.writeHeader("test");
    codec.writeDevice(device);
    codec.writePage(machine.pages().get(0));
    codec.writeEnd();

    HandWritten.Decoded decoded = codec.readStream(codec.toByteArray());

    assertEquals("test", decoded.producer());
    assertEquals(List.of(device, machine.pages().get(0)), decoded.states());
  }

  @Test
  void handWrittenWritesNonAsciiNamesAsUtf8() throws ChunkStreamException {
    DeviceState accented = withName(device, "sérïal-€-\uD83D\uDE00");
    HandWritten codec = new HandWritten(16);
    codec.writeHeader("test");
    codec.writeDevice(accented);
    codec.writeEnd();

    assertEquals(List.of(accented), codec.readStream(codec.toByteArray()).states());
  }

  @Test
  void handWrittenChecksEveryCrc() {
    HandWritten codec = new HandWritten(16);
    codec.writeHeader("test");
    codec.writeDevice(device);
    codec.writeEnd();
    byte[] bytes = codec.toByteArray();
    // The last byte of the timer sub-chunk's data, inside the device chunk.
    int end = bytes.length - 12 - 4;
    bytes[end - 4 - 1] ^= 1;

    ChunkStreamException e = assertThrows(ChunkStreamException.class, () -> codec.readStream(bytes));

    assertEquals(ChunkStreamException.Kind.CRC, e.kind());
  }

  @Test
  void sbeRoundTrips() {
    Sbe sbe = new Sbe(1 << 20);
    byte[] bytes = Arrays.copyOf(sbe.buffer(), sbe.encode(device));
    assertEquals(device, sbe.decode(bytes));

    int length = sbe.encodeChecked(device);
    assertEquals(device, sbe.decodeChecked(Arrays.copyOf(sbe.buffer(), length), length));

    length = sbe.encodeChecked(machine);
    assertEquals(machine, sbe.decodeMachineChecked(Arrays.copyOf(sbe.buffer(), length), length));
  }

  @Test
  void sbeWithCrcRejectsDamage() {
    Sbe sbe = new Sbe(1 << 10);
    int length = sbe.encodeChecked(device);
    byte[] bytes = Arrays.copyOf(sbe.buffer(), length);
    bytes[20] ^= 1;

    assertThrows(IllegalStateException.class, () -> sbe.decodeChecked(bytes, length));
  }

  @Test
  void kryoRoundTrips() {
    KryoCodec kryo = new KryoCodec(16);
    int length = kryo.encode(device);
    assertEquals(device, kryo.decode(kryo.buffer(), length, DeviceState.class));

    length = kryo.encode(machine);
    assertEquals(machine, kryo.decode(kryo.buffer(), length, MachineSnapshot.class));
  }

  @Test
  void jdkSerializationRoundTrips() {
    JdkSerialization jdk = new JdkSerialization(16);
    int length = jdk.encode(device);
    assertEquals(device, jdk.decode(jdk.buffer(), length, DeviceState.class));

    length = jdk.encode(machine);
    assertEquals(machine, jdk.decode(jdk.buffer(), length, MachineSnapshot.class));
  }

  private static MachineSnapshot smallMachine() {
    MachineSnapshot full = Fixtures.machine();
    List<Page> pages = new ArrayList<>(full.pages().subList(0, 3));
    return new MachineSnapshot(new ArrayList<>(full.devices().subList(0, 4)), pages);
  }

  private static DeviceState withName(DeviceState d, String name) {
    return new DeviceState(
        d.id(), d.enabled(), d.lineControl(), d.modemControl(), d.divisor(), d.scratch(),
        d.interruptEnable(), d.interruptStatus(), d.rxBytes(), d.txBytes(), d.lastIrqNanos(),
        d.baudError(), d.clockHz(), d.fifoLevel(), d.fifoTrigger(), d.loopback(), d.fifo(), name,
        Mode.LOOPBACK, new TimerState(1, 2, false));
  }
}

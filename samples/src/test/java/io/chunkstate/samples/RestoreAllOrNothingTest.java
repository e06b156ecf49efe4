package io.chunkstate.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.Restore;
import io.chunkstate.StateWriter;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.samples.machine.CmosRtc;
import io.chunkstate.samples.machine.InterruptLine;
import io.chunkstate.samples.machine.MsixState;
import io.chunkstate.samples.machine.PciDevice;
import io.chunkstate.samples.machine.PowerState;
import io.chunkstate.samples.machine.RngDevice;
import io.chunkstate.samples.machine.RngSeed;
import io.chunkstate.samples.machine.RtcAlarm;
import io.chunkstate.samples.machine.Uart16550;
import io.chunkstate.schema.Layouts;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A multi-device snapshot — two PCI devices with MSI-X sub-chunks and an RNG (records the
 * machine holds), a UART and an RTC (mutable devices, the RTC with a final CMOS array and a nested
 * alarm) — restored into a live machine: a failure injected into each chunk in turn, at every
 * depth, leaves every target as it was; a restore that succeeds makes every target equal to the
 * source, and keeps the device's nested objects and final arrays the same objects.
 */
class RestoreAllOrNothingTest {
  private static final ChunkRegistry REGISTRY = ChunkRegistry.load();

  private static PciDevice pci(String address, int seed) {
    byte[] config = new byte[256];
    config[0] = (byte) seed;
    return new PciDevice(
        address,
        (short) 0x8086,
        (short) (0x2900 + seed),
        config,
        new long[] {seed, 0, 0xc040 + seed},
        seed % 2 == 0 ? PowerState.D0 : PowerState.D3_HOT,
        new InterruptLine(16 + seed, true, false),
        new MsixState(
            seed % 3 == 0, new long[] {0xfee00000L + seed}, new int[] {0x4021 + seed},
            new boolean[] {true}));
  }

  /** The machine a restore goes into: its devices exist already. */
  private static final class LiveMachine {
    final Map<String, PciDevice> pci = new LinkedHashMap<>();
    final Uart16550 uart = new Uart16550();
    final CmosRtc rtc = new CmosRtc();
    final AtomicReference<RngDevice> rng = new AtomicReference<>();
    final RtcAlarm alarm = rtc.alarm();
    final byte[] cmos = rtc.ram();

    LiveMachine() {
      pci.put("0000:00:1f.2", pci("0000:00:1f.2", 1));
      pci.put("0000:00:03.0", pci("0000:00:03.0", 2));
      rtc.write(5, (byte) 9);
      rng.set(new RngDevice(false, 1, new RngSeed(new byte[] {1})));
    }

    Restore restore() {
      return Restore.of(REGISTRY)
          .into(List.of(uart, rtc))
          .replacing(PciDevice.class, device -> pci.put(device.address(), device))
          .replacing(RngDevice.class, rng::set);
    }

    /** Every target's state as its codec encodes it: a deep copy to compare with. */
    List<byte[]> state() {
      List<byte[]> state = new ArrayList<>();
      for (PciDevice device : pci.values()) {
        state.add(encode(device));
      }
      state.add(encode(uart));
      state.add(encode(rtc));
      state.add(encode(rng.get()));
      return state;
    }

    void assertSameObjects() {
      assertSame(alarm, rtc.alarm(), "the RTC's nested alarm is the same object");
      assertSame(cmos, rtc.ram(), "the RTC's CMOS RAM is the same array");
    }
  }

  /** The machine that was saved. */
  private static List<Object> source() {
    Uart16550 uart = new Uart16550();
    uart.setDivisor(3);
    uart.receive("ok\n");
    CmosRtc rtc = new CmosRtc();
    for (int i = 0; i < 128; i += 7) {
      rtc.write(i, (byte) (i * 3));
    }
    rtc.alarm().arm(6, 30, 0);
    return List.of(
        pci("0000:00:03.0", 4),
        uart,
        rtc,
        new RngDevice(true, 4096, new RngSeed(new byte[] {0x5e, 0x3d})),
        pci("0000:00:1f.2", 3));
  }

  @SuppressWarnings("unchecked") // the registry pairs each class with its codec
  private static byte[] encode(Object state) {
    ChunkCodec<Object> codec =
        (ChunkCodec<Object>) REGISTRY.codecFor(state.getClass()).orElseThrow();
    WireWriter out = new WireWriter();
    codec.encode(state, out);
    return out.toByteArray();
  }

  private static byte[] write(List<Object> states) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "samples", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  /** One chunk of the stream at any depth, with the chunks around it. */
  private record Node(long offset, int length, String path, List<Node> parents) {
    int crcAt() {
      return (int) offset + 8 + length;
    }
  }

  /** Every chunk of the stream below CHDR and above CEND, at every depth, parents first. */
  private static List<Node> chunks(byte[] stream) throws IOException {
    Layouts layouts = Layouts.of(REGISTRY.descriptions());
    List<Node> nodes = new ArrayList<>();
    try (ChunkInput input = ChunkInput.open(stream, Signature.CHUNKSTATE)) {
      for (RawChunk chunk; (chunk = input.next()) != null; ) {
        if (layouts.knows(chunk.type())) {
          walk(stream, chunk, chunk.type().code(), List.of(), layouts, nodes);
        }
      }
    }
    return nodes;
  }

  private static void walk(
      byte[] stream, RawChunk chunk, String path, List<Node> parents, Layouts layouts,
      List<Node> nodes) throws IOException {
    Node node = new Node(chunk.offset(), chunk.length(), path, parents);
    nodes.add(node);
    List<Node> below = new ArrayList<>(parents);
    below.add(0, node);
    int dataAt = (int) chunk.offset() + 8;
    int at = dataAt + layouts.inlineLength(chunk, path);
    while (at < dataAt + chunk.length()) {
      int length = getInt(stream, at);
      ChunkType type = ChunkType.of(getInt(stream, at + 4));
      RawChunk sub = RawChunk.wrap(type, at, stream, at + 8, length);
      if (layouts.knows(type)) {
        walk(stream, sub, path + "/" + type.code(), below, layouts, nodes);
      }
      at += 12 + length;
    }
  }

  private static int getInt(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  private static void putInt(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  /** Makes the CRCs of {@code node}'s parents good again, innermost first. */
  private static void fixParents(byte[] stream, Node node) {
    for (Node parent : node.parents()) {
      CRC32 crc = new CRC32();
      crc.update(stream, (int) parent.offset() + 4, 4 + parent.length());
      putInt(stream, parent.crcAt(), (int) crc.getValue());
    }
  }

  @Test
  void aFailureInAnyChunkAtAnyDepthChangesNoTarget() throws Exception {
    byte[] stream = write(source());
    List<Node> nodes = chunks(stream);
    assertTrue(nodes.stream().filter(n -> !n.parents().isEmpty()).count() >= 3,
        "the MSI-X states and the alarm are sub-chunks: " + nodes);
    for (Node node : nodes) {
      byte[] damaged = stream.clone();
      damaged[node.crcAt()] ^= 0x01; // its own CRC, its parents' made good
      fixParents(damaged, node);
      LiveMachine live = new LiveMachine();
      List<byte[]> before = live.state();
      ChunkStreamException e =
          assertThrows(
              ChunkStreamException.class,
              () -> live.restore().from(new ByteArrayInputStream(damaged)),
              node.path());
      assertEquals(ChunkStreamException.Kind.CRC, e.kind(), e.getMessage());
      assertEquals(node.offset(), e.offset(), e.getMessage());
      assertEquals(node.path(), e.path());
      assertStateEquals(before, live.state(), node.path());
      live.assertSameObjects();
    }
  }

  /** The RTC's post-load hook refuses an index register past its RAM: DATA, and nothing changes. */
  @Test
  void aHookThatRefusesChangesNoTarget() throws Exception {
    byte[] stream = write(source());
    Node rtc = chunks(stream).stream().filter(n -> n.path().equals("RtCc")).findFirst().orElseThrow();
    int selectedAt = (int) rtc.offset() + 8 + 4 + 128; // after the RAM's count and bytes
    putInt(stream, selectedAt, 200);
    CRC32 crc = new CRC32();
    crc.update(stream, (int) rtc.offset() + 4, 4 + rtc.length());
    putInt(stream, rtc.crcAt(), (int) crc.getValue());
    LiveMachine live = new LiveMachine();
    List<byte[]> before = live.state();
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class, () -> live.restore().from(new ByteArrayInputStream(stream)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("RtCc", e.path());
    assertTrue(e.getMessage().contains(CmosRtc.class.getName()), e.getMessage());
    assertStateEquals(before, live.state(), "a refused RTC");
    live.assertSameObjects();
  }

  @Test
  void aRestoreThatSucceedsMakesEveryTargetEqualToTheSource() throws Exception {
    List<Object> source = source();
    LiveMachine live = new LiveMachine();
    live.restore().from(new ByteArrayInputStream(write(source)));
    assertArrayEquals(encode(source.get(4)), encode(live.pci.get("0000:00:1f.2")));
    assertArrayEquals(encode(source.get(0)), encode(live.pci.get("0000:00:03.0")));
    assertArrayEquals(encode(source.get(1)), encode(live.uart));
    assertArrayEquals(encode(source.get(2)), encode(live.rtc));
    assertArrayEquals(encode(source.get(3)), encode(live.rng.get()));
    assertEquals(source.get(2), live.rtc);
    assertEquals(((CmosRtc) source.get(2)).checksum(), live.rtc.checksum(), "the hook rebuilt it");
    live.assertSameObjects();
  }

  /** A stream from the clock's first version, which had no alarm: the alarm is disarmed. */
  @Test
  void anAlarmAbsentFromAnOlderStreamIsDisarmed() throws Exception {
    byte[] stream = write(source());
    Node alarm =
        chunks(stream).stream().filter(n -> n.path().equals("RtCc/AlRm")).findFirst().orElseThrow();
    Node rtc = alarm.parents().get(0);
    // Cut the alarm out of the RTC's data, as the first version wrote it.
    int cut = 12 + alarm.length();
    byte[] older = new byte[stream.length - cut];
    System.arraycopy(stream, 0, older, 0, (int) alarm.offset());
    System.arraycopy(
        stream, (int) alarm.offset() + cut, older, (int) alarm.offset(),
        stream.length - (int) alarm.offset() - cut);
    putInt(older, (int) rtc.offset(), rtc.length() - cut);
    CRC32 crc = new CRC32();
    crc.update(older, (int) rtc.offset() + 4, 4 + rtc.length() - cut);
    putInt(older, rtc.crcAt() - cut, (int) crc.getValue());

    LiveMachine live = new LiveMachine();
    live.rtc.alarm().arm(1, 2, 3);
    live.restore().from(new ByteArrayInputStream(older));
    assertTrue(!live.rtc.alarm().armed(), "the declared default: disarmed");
    live.assertSameObjects();
  }

  private static void assertStateEquals(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ": target " + i + " changed");
    }
  }
}

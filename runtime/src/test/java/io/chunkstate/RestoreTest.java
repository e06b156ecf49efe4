package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A restore changes every target, or none. */
class RestoreTest {
  /** A network card: a mutable device whose PCI address is its key. */
  static final class Nic {
    final int address;
    int rdtr;
    String mode;
    final byte[] config;

    Nic(int address, int rdtr, String mode, int configLength) {
      this.address = address;
      this.rdtr = rdtr;
      this.mode = mode;
      this.config = new byte[configLength];
    }

    String state() {
      return address + ":" + rdtr + ":" + mode + ":" + java.util.Arrays.toString(config);
    }
  }

  static final class NicCodec implements ChunkCodec<Nic> {
    @Override
    public ChunkType type() {
      return ChunkType.of("NiCs");
    }

    @Override
    public Class<Nic> stateClass() {
      return Nic.class;
    }

    @Override
    public void encode(Nic nic, WireWriter out) {
      out.writeInt(nic.address);
      out.writeInt(nic.rdtr);
      out.writeString(nic.mode);
      out.writeBytes(nic.config);
    }

    @Override
    public Nic decode(WireReader in) throws ChunkStreamException {
      int address = in.readInt();
      int rdtr = in.readInt();
      String mode = in.readString();
      byte[] config = in.readBytes();
      if (rdtr < 0) {
        throw in.refused(Nic.class.getName(), new IllegalArgumentException("rdtr " + rdtr));
      }
      Nic nic = new Nic(address, rdtr, mode, config.length);
      System.arraycopy(config, 0, nic.config, 0, config.length);
      return nic;
    }

    @Override
    public Object key(Nic nic) {
      return nic.address;
    }

    @Override
    public boolean canDecodeInto() {
      return true;
    }

    @Override
    public String applyMismatch(Nic decoded, Nic target) {
      return decoded.config.length == target.config.length
          ? null
          : "field config: the target's array holds " + target.config.length + " bytes, the"
              + " stream's " + decoded.config.length;
    }

    @Override
    public void apply(Nic decoded, Nic target) {
      target.rdtr = decoded.rdtr;
      target.mode = decoded.mode;
      System.arraycopy(decoded.config, 0, target.config, 0, target.config.length);
    }
  }

  /** A UART's state: an immutable record that its device swaps. */
  record Uart(int divisor) {}

  static final class UartCodec implements ChunkCodec<Uart> {
    @Override
    public ChunkType type() {
      return ChunkType.of("UaRt");
    }

    @Override
    public Class<Uart> stateClass() {
      return Uart.class;
    }

    @Override
    public void encode(Uart uart, WireWriter out) {
      out.writeInt(uart.divisor());
    }

    @Override
    public Uart decode(WireReader in) throws ChunkStreamException {
      return new Uart(in.readInt());
    }
  }

  /** Statistics: ancillary, mutable, without a key. */
  static final class Stats {
    long packets;

    Stats(long packets) {
      this.packets = packets;
    }
  }

  static final class StatsCodec implements ChunkCodec<Stats> {
    @Override
    public ChunkType type() {
      return ChunkType.of("stAt");
    }

    @Override
    public Class<Stats> stateClass() {
      return Stats.class;
    }

    @Override
    public void encode(Stats stats, WireWriter out) {
      out.writeLong(stats.packets);
    }

    @Override
    public Stats decode(WireReader in) throws ChunkStreamException {
      return new Stats(in.readLong());
    }

    @Override
    public boolean canDecodeInto() {
      return true;
    }

    @Override
    public void apply(Stats decoded, Stats target) {
      target.packets = decoded.packets;
    }
  }

  private static final ChunkRegistry REGISTRY =
      ChunkRegistry.of(new NicCodec(), new UartCodec(), new StatsCodec());

  private static byte[] stream(Object... states) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "restore", REGISTRY)) {
      for (Object state : states) {
        writer.write(state);
      }
      writer.finish();
    }
    return out.toByteArray();
  }

  /** The live machine: two cards, a UART holder, statistics. */
  private static final class Machine {
    final Nic nic1 = new Nic(1, 10, "old", 4);
    final Nic nic2 = new Nic(2, 20, "old", 4);
    final byte[] nic1Config = nic1.config;
    final AtomicReference<Uart> uart = new AtomicReference<>(new Uart(1));
    final Stats stats = new Stats(5);

    Restore restore() {
      return Restore.of(REGISTRY)
          .into(List.of(nic1, nic2, stats))
          .replacing(Uart.class, uart::set);
    }

    String state() {
      return nic1.state() + " " + nic2.state() + " " + uart.get() + " " + stats.packets;
    }
  }

  private static final Object[] SOURCE = {
    new Nic(2, 22, "new", 4), new Uart(12), new Stats(99), new Nic(1, 11, "new", 4)
  };

  @Test
  void everyTargetIsRestoredInPlaceMatchedByKey() throws Exception {
    Machine machine = new Machine();
    Restore.Result result =
        machine.restore().from(new ByteArrayInputStream(stream(SOURCE)));
    assertEquals(
        "1:11:new:[0, 0, 0, 0] 2:22:new:[0, 0, 0, 0] Uart[divisor=12] 99", machine.state());
    assertSame(machine.nic1Config, machine.nic1.config, "the final array is filled in place");
    assertEquals(List.of(), result.unmatched());
  }

  /** A damaged byte in any chunk, a refused value, a mismatch: the machine is as it was. */
  @Test
  void aFailureAnywhereChangesNoTarget() throws Exception {
    byte[] good = stream(SOURCE);
    for (int at = 8; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] ^= 0x40;
      Machine machine = new Machine();
      String before = machine.state();
      assertThrows(Exception.class, () -> machine.restore().from(new ByteArrayInputStream(bad)));
      assertEquals(before, machine.state(), "a byte flipped at " + at);
    }
    Machine machine = new Machine();
    String before = machine.state();
    ChunkStreamException refused =
        assertThrows(
            ChunkStreamException.class,
            () ->
                machine
                    .restore()
                    .from(new ByteArrayInputStream(
                        stream(new Nic(1, 11, "new", 4), new Uart(3), new Nic(2, -1, "x", 4)))));
    assertEquals(ChunkStreamException.Kind.DATA, refused.kind());
    assertEquals(before, machine.state());
  }

  @Test
  void aStateThatCannotBeAppliedInPlaceChangesNoTarget() throws Exception {
    Machine machine = new Machine();
    String before = machine.state();
    byte[] bytes =
        stream(new Nic(1, 11, "new", 4), new Uart(3), new Stats(1), new Nic(2, 22, "new", 8));
    ChunkStreamException e =
        assertThrows(
            ChunkStreamException.class,
            () -> machine.restore().from(new ByteArrayInputStream(bytes)));
    assertEquals(ChunkStreamException.Kind.DATA, e.kind());
    assertEquals("NiCs", e.path());
    assertTrue(e.getMessage().contains("field config"), e.getMessage());
    assertEquals(before, machine.state(), "the first card, which fits, is not applied either");
  }

  @Test
  void aCriticalChunkWithNoTargetIsARestoreErrorNamingTypeAndKey() throws Exception {
    Machine machine = new Machine();
    String before = machine.state();
    byte[] bytes =
        stream(new Nic(1, 11, "new", 4), new Nic(2, 22, "new", 4), new Nic(3, 33, "new", 4),
            new Uart(3));
    RestoreException e =
        assertThrows(
            RestoreException.class, () -> machine.restore().from(new ByteArrayInputStream(bytes)));
    assertEquals(RestoreException.Kind.NO_TARGET, e.kind());
    assertEquals("NiCs", e.type().code());
    assertEquals(3, e.key());
    assertEquals(before, machine.state());
  }

  @Test
  void anAncillaryChunkWithNoTargetIsReportedAndLeftAlone() throws Exception {
    Machine machine = new Machine();
    Stats extra = new Stats(7);
    Restore.Result result =
        machine
            .restore()
            .from(new ByteArrayInputStream(stream(new Stats(1), extra, SOURCE[0], SOURCE[1],
                SOURCE[3])));
    assertEquals(1, machine.stats.packets, "matched in order: the first Stats");
    assertEquals(1, result.unmatched().size());
    assertEquals(7, ((Stats) result.unmatched().get(0)).packets);
  }

  @Test
  void aTargetWithNoChunkFailsUnlessItsTypeIsOptional() throws Exception {
    byte[] bytes = stream(new Nic(1, 11, "new", 4), new Uart(3), new Stats(8));
    Machine machine = new Machine();
    String before = machine.state();
    RestoreException e =
        assertThrows(
            RestoreException.class, () -> machine.restore().from(new ByteArrayInputStream(bytes)));
    assertEquals(RestoreException.Kind.NO_CHUNK, e.kind());
    assertEquals(2, e.key());
    assertEquals(before, machine.state());

    machine.restore().optional(Nic.class).from(new ByteArrayInputStream(bytes));
    assertEquals("1:11:new:[0, 0, 0, 0] 2:20:old:[0, 0, 0, 0] Uart[divisor=3] 8", machine.state());
  }

  @Test
  void aRecordTypeWithNoChunkFailsUnlessOptional() throws Exception {
    byte[] bytes = stream(SOURCE[0], SOURCE[3], new Stats(8));
    Machine machine = new Machine();
    RestoreException e =
        assertThrows(
            RestoreException.class, () -> machine.restore().from(new ByteArrayInputStream(bytes)));
    assertEquals(RestoreException.Kind.NO_CHUNK, e.kind());
    assertEquals("UaRt", e.type().code());
    assertNull(e.key());
    machine.restore().optional(Uart.class).from(new ByteArrayInputStream(bytes));
    assertEquals(new Uart(1), machine.uart.get());
  }

  @Test
  void oneKeyTwiceIsARestoreError() throws Exception {
    Machine machine = new Machine();
    String before = machine.state();
    byte[] twice = stream(new Nic(1, 11, "new", 4), new Nic(1, 12, "new", 4), new Uart(3));
    RestoreException inStream =
        assertThrows(
            RestoreException.class, () -> machine.restore().from(new ByteArrayInputStream(twice)));
    assertEquals(RestoreException.Kind.DUPLICATE_KEY, inStream.kind());
    assertEquals(1, inStream.key());
    assertEquals(before, machine.state());

    Restore twoTargets = Restore.of(REGISTRY).into(List.of(new Nic(5, 0, "", 0), new Nic(5, 0, "", 0)));
    RestoreException inTargets =
        assertThrows(
            RestoreException.class,
            () -> twoTargets.from(new ByteArrayInputStream(stream(new Nic(5, 1, "", 0)))));
    assertEquals(RestoreException.Kind.DUPLICATE_KEY, inTargets.kind());
  }

  @Test
  void aRecordCannotBeATargetInPlace() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Restore.of(REGISTRY).into(List.of(new Uart(1))));
    assertTrue(e.getMessage().contains("replacing()"), e.getMessage());
  }

  @Test
  void aTypeIsRestoredInPlaceOrReplacedNotBoth() {
    Restore inPlace = Restore.of(REGISTRY).into(List.of(new Stats(1)));
    assertThrows(IllegalArgumentException.class, () -> inPlace.replacing(Stats.class, s -> {}));
    Restore replaced = Restore.of(REGISTRY).replacing(Stats.class, s -> {});
    assertThrows(IllegalArgumentException.class, () -> replaced.into(List.of(new Stats(1))));
  }

  @Test
  void theCallbackRunsOnlyAfterEverythingIsChecked() throws Exception {
    List<Uart> seen = new ArrayList<>();
    byte[] bytes = stream(new Uart(4), new Nic(1, 11, "new", 4), new Nic(7, 0, "", 4));
    Restore restore =
        Restore.of(REGISTRY).into(List.of(new Nic(1, 0, "", 4))).replacing(Uart.class, seen::add);
    assertThrows(RestoreException.class, () -> restore.from(new ByteArrayInputStream(bytes)));
    assertEquals(List.of(), seen);
  }
}

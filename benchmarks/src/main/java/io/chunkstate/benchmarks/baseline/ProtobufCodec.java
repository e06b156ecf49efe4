package io.chunkstate.benchmarks.baseline;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.UnsafeByteOperations;
import io.chunkstate.benchmarks.proto.DeviceProto;
import io.chunkstate.benchmarks.proto.MachineProto;
import io.chunkstate.benchmarks.proto.ModeProto;
import io.chunkstate.benchmarks.proto.PageProto;
import io.chunkstate.benchmarks.proto.TimerProto;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The protobuf-java baseline, used as a protobuf user would: the state's records converted to the
 * messages {@code protoc} generates from {@code src/main/proto/device_state.proto} and written
 * into a reused array with a {@link CodedOutputStream}; read back with the generated parser and
 * converted to the records. A page's data is wrapped, not copied, on the way out ({@link
 * UnsafeByteOperations#unsafeWrap}), as a user who cares for speed would.
 */
public final class ProtobufCodec {
  private static final Mode[] MODES = Mode.values();
  private static final ModeProto[] MODE_PROTOS = {
    ModeProto.IDLE, ModeProto.FIFO, ModeProto.LOOPBACK
  };

  private byte[] buf;

  /** A codec whose output array starts at {@code capacity} bytes and grows as needed. */
  public ProtobufCodec(int capacity) {
    this.buf = new byte[capacity];
  }

  /** The output array; its first {@code encode} bytes are the last encoding. */
  public byte[] buffer() {
    return buf;
  }

  /** Encodes one device at the start of the output array; returns the length. */
  public int encode(DeviceState device) {
    return write(message(device));
  }

  /** Encodes a whole machine as one {@code MachineProto}; returns the length. */
  public int encode(MachineSnapshot machine) {
    MachineProto.Builder builder = MachineProto.newBuilder();
    for (DeviceState device : machine.devices()) {
      builder.addDevices(message(device));
    }
    for (Page page : machine.pages()) {
      builder.addPages(
          PageProto.newBuilder()
              .setAddress(page.address())
              .setData(UnsafeByteOperations.unsafeWrap(page.data())));
    }
    return write(builder.build());
  }

  private int write(MessageLite message) {
    int size = message.getSerializedSize();
    if (buf.length < size) {
      buf = Arrays.copyOf(buf, Math.max(size, 2 * buf.length));
    }
    CodedOutputStream out = CodedOutputStream.newInstance(buf, 0, size);
    try {
      message.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return size;
  }

  /** Decodes one device from the first {@code length} bytes of {@code bytes}. */
  public DeviceState decodeDevice(byte[] bytes, int length) {
    try {
      return state(DeviceProto.parseFrom(ByteBuffer.wrap(bytes, 0, length)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Decodes a whole machine from the first {@code length} bytes of {@code bytes}. */
  public MachineSnapshot decodeMachine(byte[] bytes, int length) {
    MachineProto machine;
    try {
      machine = MachineProto.parseFrom(ByteBuffer.wrap(bytes, 0, length));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
    List<DeviceState> devices = new ArrayList<>(machine.getDevicesCount());
    for (DeviceProto device : machine.getDevicesList()) {
      devices.add(state(device));
    }
    List<Page> pages = new ArrayList<>(machine.getPagesCount());
    for (PageProto page : machine.getPagesList()) {
      pages.add(new Page(page.getAddress(), page.getData().toByteArray()));
    }
    return new MachineSnapshot(devices, pages);
  }

  private static DeviceProto message(DeviceState d) {
    TimerState t = d.timer();
    return DeviceProto.newBuilder()
        .setId(d.id())
        .setEnabled(d.enabled())
        .setLineControl(d.lineControl())
        .setModemControl(d.modemControl())
        .setDivisor(d.divisor())
        .setScratch(d.scratch())
        .setInterruptEnable(d.interruptEnable())
        .setInterruptStatus(d.interruptStatus())
        .setRxBytes(d.rxBytes())
        .setTxBytes(d.txBytes())
        .setLastIrqNanos(d.lastIrqNanos())
        .setBaudError(d.baudError())
        .setClockHz(d.clockHz())
        .setFifoLevel(d.fifoLevel())
        .setFifoTrigger(d.fifoTrigger())
        .setLoopback(d.loopback())
        .setFifo(UnsafeByteOperations.unsafeWrap(d.fifo()))
        .setName(d.name())
        .setMode(MODE_PROTOS[d.mode().ordinal()])
        .setTimer(
            TimerProto.newBuilder()
                .setDeadlineNanos(t.deadlineNanos())
                .setPeriodNanos(t.periodNanos())
                .setArmed(t.armed()))
        .build();
  }

  private static DeviceState state(DeviceProto p) {
    TimerProto t = p.getTimer();
    return new DeviceState(
        p.getId(),
        p.getEnabled(),
        (byte) p.getLineControl(),
        (byte) p.getModemControl(),
        (short) p.getDivisor(),
        (char) p.getScratch(),
        p.getInterruptEnable(),
        p.getInterruptStatus(),
        p.getRxBytes(),
        p.getTxBytes(),
        p.getLastIrqNanos(),
        p.getBaudError(),
        p.getClockHz(),
        p.getFifoLevel(),
        (short) p.getFifoTrigger(),
        p.getLoopback(),
        p.getFifo().toByteArray(),
        p.getName(),
        MODES[p.getModeValue()],
        new TimerState(t.getDeadlineNanos(), t.getPeriodNanos(), t.getArmed()));
  }
}

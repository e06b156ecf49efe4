package io.chunkstate.benchmarks.baseline;

import io.chunkstate.benchmarks.sbe.DeviceDecoder;
import io.chunkstate.benchmarks.sbe.DeviceEncoder;
import io.chunkstate.benchmarks.sbe.MemoryDecoder;
import io.chunkstate.benchmarks.sbe.MemoryEncoder;
import io.chunkstate.benchmarks.sbe.MessageHeaderDecoder;
import io.chunkstate.benchmarks.sbe.MessageHeaderEncoder;
import io.chunkstate.benchmarks.sbe.TimerDecoder;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The SBE baseline: the benchmark state through the flyweights that {@code sbe-tool} generates
 * from {@code src/main/sbe/device-state.xml} during the build, into and out of one reused buffer.
 *
 * <p>SBE has no checksum. The {@code checked} variants add what chunkstate always does: a CRC-32
 * of the encoded bytes, appended after them when encoding and verified before decoding.
 */
public final class Sbe {
  private static final Mode[] MODES = Mode.values();

  private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
  private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
  private final DeviceEncoder deviceEncoder = new DeviceEncoder();
  private final DeviceDecoder deviceDecoder = new DeviceDecoder();
  private final MemoryEncoder memoryEncoder = new MemoryEncoder();
  private final MemoryDecoder memoryDecoder = new MemoryDecoder();
  private final CRC32 crc = new CRC32();
  private final UnsafeBuffer buffer;
  private final UnsafeBuffer input = new UnsafeBuffer(new byte[0]);

  /** A codec whose buffer holds {@code capacity} bytes (SBE does not grow buffers). */
  public Sbe(int capacity) {
    this.buffer = new UnsafeBuffer(new byte[capacity]);
  }

  /** The buffer the encoders write to; decoders read whatever bytes they are given. */
  public byte[] buffer() {
    return buffer.byteArray();
  }

  /** Encodes one {@code Device} message at offset 0; returns its length. */
  public int encode(DeviceState d) {
    return encodeDevice(d, 0);
  }

  /** {@link #encode} followed by a CRC-32 of the message; returns the length with the CRC. */
  public int encodeChecked(DeviceState d) {
    return appendCrc(encode(d));
  }

  /** Decodes the {@code Device} message at the start of {@code bytes}. */
  public DeviceState decode(byte[] bytes) {
    return decodeDevice(wrap(bytes), 0);
  }

  /** Checks the CRC after the first {@code length} bytes, then decodes them. */
  public DeviceState decodeChecked(byte[] bytes, int length) {
    checkCrc(bytes, length);
    return decode(bytes);
  }

  /** Encodes a snapshot: one {@code Device} message per device, then one {@code Memory}. */
  public int encode(MachineSnapshot machine) {
    int at = 0;
    for (DeviceState d : machine.devices()) {
      at = encodeDevice(d, at);
    }
    memoryEncoder.wrapAndApplyHeader(buffer, at, headerEncoder);
    MemoryEncoder.PagesEncoder pages = memoryEncoder.pagesCount(machine.pages().size());
    for (Page page : machine.pages()) {
      pages.next().address(page.address()).putData(page.data(), 0, page.data().length);
    }
    return memoryEncoder.limit();
  }

  /** {@link #encode(MachineSnapshot)} followed by a CRC-32 of all of it. */
  public int encodeChecked(MachineSnapshot machine) {
    return appendCrc(encode(machine));
  }

  /** Decodes a snapshot written by {@link #encode(MachineSnapshot)}. */
  public MachineSnapshot decodeMachine(byte[] bytes) {
    UnsafeBuffer in = wrap(bytes);
    List<DeviceState> devices = new ArrayList<>();
    int at = 0;
    while (headerDecoder.wrap(in, at).templateId() == DeviceDecoder.TEMPLATE_ID) {
      devices.add(decodeDevice(in, at));
      at = deviceDecoder.limit();
    }
    memoryDecoder.wrapAndApplyHeader(in, at, headerDecoder);
    MemoryDecoder.PagesDecoder pages = memoryDecoder.pages();
    List<Page> out = new ArrayList<>(pages.count());
    for (MemoryDecoder.PagesDecoder page : pages) {
      long address = page.address();
      byte[] data = new byte[page.dataLength()];
      page.getData(data, 0, data.length);
      out.add(new Page(address, data));
    }
    return new MachineSnapshot(devices, out);
  }

  /** Checks the CRC after the first {@code length} bytes, then decodes them. */
  public MachineSnapshot decodeMachineChecked(byte[] bytes, int length) {
    checkCrc(bytes, length);
    return decodeMachine(bytes);
  }

  private int encodeDevice(DeviceState d, int at) {
    DeviceEncoder e = deviceEncoder.wrapAndApplyHeader(buffer, at, headerEncoder);
    e.id(d.id())
        .enabled((short) (d.enabled() ? 1 : 0))
        .lineControl(d.lineControl())
        .modemControl(d.modemControl())
        .divisor(d.divisor())
        .scratch(d.scratch())
        .interruptEnable(d.interruptEnable())
        .interruptStatus(d.interruptStatus())
        .rxBytes(d.rxBytes())
        .txBytes(d.txBytes())
        .lastIrqNanos(d.lastIrqNanos())
        .baudError(d.baudError())
        .clockHz(d.clockHz())
        .fifoLevel(d.fifoLevel())
        .fifoTrigger(d.fifoTrigger())
        .loopback((short) (d.loopback() ? 1 : 0))
        .mode(io.chunkstate.benchmarks.sbe.Mode.get((short) d.mode().ordinal()));
    TimerState t = d.timer();
    e.timer()
        .deadlineNanos(t.deadlineNanos())
        .periodNanos(t.periodNanos())
        .armed((short) (t.armed() ? 1 : 0));
    e.putFifo(d.fifo(), 0, d.fifo().length).name(d.name());
    return e.limit();
  }

  private UnsafeBuffer wrap(byte[] bytes) {
    if (input.byteArray() != bytes) {
      input.wrap(bytes);
    }
    return input;
  }

  private DeviceState decodeDevice(UnsafeBuffer in, int at) {
    DeviceDecoder x = deviceDecoder.wrapAndApplyHeader(in, at, headerDecoder);
    TimerDecoder t = x.timer();
    TimerState timer = new TimerState(t.deadlineNanos(), t.periodNanos(), t.armed() == 1);
    byte[] fifo = new byte[x.fifoLength()];
    x.getFifo(fifo, 0, fifo.length);
    return new DeviceState(
        x.id(),
        x.enabled() == 1,
        x.lineControl(),
        x.modemControl(),
        x.divisor(),
        (char) x.scratch(),
        x.interruptEnable(),
        x.interruptStatus(),
        x.rxBytes(),
        x.txBytes(),
        x.lastIrqNanos(),
        x.baudError(),
        x.clockHz(),
        x.fifoLevel(),
        x.fifoTrigger(),
        x.loopback() == 1,
        fifo,
        x.name(),
        MODES[x.mode().value()],
        timer);
  }

  private int appendCrc(int length) {
    crc.reset();
    crc.update(buffer.byteArray(), 0, length);
    buffer.putInt(length, (int) crc.getValue());
    return length + 4;
  }

  private void checkCrc(byte[] bytes, int length) {
    crc.reset();
    crc.update(bytes, 0, length - 4);
    if (wrap(bytes).getInt(length - 4) != (int) crc.getValue()) {
      throw new IllegalStateException("CRC mismatch");
    }
  }
}

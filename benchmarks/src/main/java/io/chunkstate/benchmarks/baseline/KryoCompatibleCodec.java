package io.chunkstate.benchmarks.baseline;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.util.ArrayList;
import java.util.List;

/**
 * Kryo 5 in its schema-evolving mode, {@link CompatibleFieldSerializer}: each field written with
 * its name (once per class and stream) and its length, so that a reader skips fields it does not
 * know. Kryo serializes records with its {@code RecordSerializer} whatever the default, so this
 * baseline converts the state to and from mutable classes of the same fields, as a Kryo user
 * whose state must evolve would hold it. Classes registered, one {@link Kryo}, reused
 * {@link Output} and {@link Input}.
 */
public final class KryoCompatibleCodec {
  private final Kryo kryo = new Kryo();
  private final Output output;
  private final Input input = new Input();

  /** A codec whose output buffer starts at {@code capacity} bytes and grows as needed. */
  public KryoCompatibleCodec(int capacity) {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    kryo.register(Device.class, new CompatibleFieldSerializer<>(kryo, Device.class));
    kryo.register(Timer.class, new CompatibleFieldSerializer<>(kryo, Timer.class));
    kryo.register(Memory.class, new CompatibleFieldSerializer<>(kryo, Memory.class));
    kryo.register(Machine.class, new CompatibleFieldSerializer<>(kryo, Machine.class));
    kryo.register(Mode.class);
    kryo.register(ArrayList.class);
    kryo.register(byte[].class);
    this.output = new Output(capacity, -1);
  }

  /** The output buffer; its first {@code encode} bytes are the last encoding. */
  public byte[] buffer() {
    return output.getBuffer();
  }

  /** Writes one device at the start of the output buffer; returns the length. */
  public int encode(DeviceState device) {
    output.reset();
    kryo.writeObject(output, Device.of(device));
    return output.position();
  }

  /** Writes a whole machine at the start of the output buffer; returns the length. */
  public int encode(MachineSnapshot machine) {
    Machine m = new Machine();
    m.devices = new ArrayList<>(machine.devices().size());
    for (DeviceState device : machine.devices()) {
      m.devices.add(Device.of(device));
    }
    m.pages = new ArrayList<>(machine.pages().size());
    for (Page page : machine.pages()) {
      Memory memory = new Memory();
      memory.address = page.address();
      memory.data = page.data();
      m.pages.add(memory);
    }
    output.reset();
    kryo.writeObject(output, m);
    return output.position();
  }

  /** Reads one device from the first {@code length} bytes. */
  public DeviceState decodeDevice(byte[] bytes, int length) {
    input.setBuffer(bytes, 0, length);
    return kryo.readObject(input, Device.class).state();
  }

  /** Reads a whole machine from the first {@code length} bytes. */
  public MachineSnapshot decodeMachine(byte[] bytes, int length) {
    input.setBuffer(bytes, 0, length);
    Machine m = kryo.readObject(input, Machine.class);
    List<DeviceState> devices = new ArrayList<>(m.devices.size());
    for (Device device : m.devices) {
      devices.add(device.state());
    }
    List<Page> pages = new ArrayList<>(m.pages.size());
    for (Memory memory : m.pages) {
      pages.add(new Page(memory.address, memory.data));
    }
    return new MachineSnapshot(devices, pages);
  }

  /** {@link TimerState}'s fields, mutable. */
  public static final class Timer {
    long deadlineNanos;
    int periodNanos;
    boolean armed;
  }

  /** {@link Page}'s fields, mutable. */
  public static final class Memory {
    long address;
    byte[] data;
  }

  /** {@link MachineSnapshot}'s fields, mutable. */
  public static final class Machine {
    ArrayList<Device> devices;
    ArrayList<Memory> pages;
  }

  /** {@link DeviceState}'s fields, mutable. */
  public static final class Device {
    int id;
    boolean enabled;
    byte lineControl;
    byte modemControl;
    short divisor;
    char scratch;
    int interruptEnable;
    int interruptStatus;
    long rxBytes;
    long txBytes;
    long lastIrqNanos;
    float baudError;
    double clockHz;
    int fifoLevel;
    short fifoTrigger;
    boolean loopback;
    byte[] fifo;
    String name;
    Mode mode;
    Timer timer;

    static Device of(DeviceState d) {
      Device b = new Device();
      b.id = d.id();
      b.enabled = d.enabled();
      b.lineControl = d.lineControl();
      b.modemControl = d.modemControl();
      b.divisor = d.divisor();
      b.scratch = d.scratch();
      b.interruptEnable = d.interruptEnable();
      b.interruptStatus = d.interruptStatus();
      b.rxBytes = d.rxBytes();
      b.txBytes = d.txBytes();
      b.lastIrqNanos = d.lastIrqNanos();
      b.baudError = d.baudError();
      b.clockHz = d.clockHz();
      b.fifoLevel = d.fifoLevel();
      b.fifoTrigger = d.fifoTrigger();
      b.loopback = d.loopback();
      b.fifo = d.fifo();
      b.name = d.name();
      b.mode = d.mode();
      Timer t = new Timer();
      t.deadlineNanos = d.timer().deadlineNanos();
      t.periodNanos = d.timer().periodNanos();
      t.armed = d.timer().armed();
      b.timer = t;
      return b;
    }

    DeviceState state() {
      return new DeviceState(
          id, enabled, lineControl, modemControl, divisor, scratch, interruptEnable,
          interruptStatus, rxBytes, txBytes, lastIrqNanos, baudError, clockHz, fifoLevel,
          fifoTrigger, loopback, fifo, name, mode,
          new TimerState(timer.deadlineNanos, timer.periodNanos, timer.armed));
    }
  }
}

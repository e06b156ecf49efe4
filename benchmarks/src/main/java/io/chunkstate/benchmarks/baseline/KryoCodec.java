package io.chunkstate.benchmarks.baseline;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.MachineSnapshot;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.util.ArrayList;

/**
 * The Kryo 5 baseline, configured as a project that wants speed would: every class registered (no
 * class names in the stream), one {@link Kryo}, one reused {@link Output} and {@link Input}.
 */
public final class KryoCodec {
  private final Kryo kryo = new Kryo();
  private final Output output;
  private final Input input = new Input();

  /** A codec whose output buffer starts at {@code capacity} bytes and grows as needed. */
  public KryoCodec(int capacity) {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    kryo.register(DeviceState.class);
    kryo.register(TimerState.class);
    kryo.register(Mode.class);
    kryo.register(Page.class);
    kryo.register(MachineSnapshot.class);
    kryo.register(ArrayList.class);
    kryo.register(byte[].class);
    this.output = new Output(capacity, -1);
  }

  /** The output buffer; its first {@code encode} bytes are the last encoding. */
  public byte[] buffer() {
    return output.getBuffer();
  }

  /** Writes {@code state} at the start of the output buffer; returns the length. */
  public int encode(Object state) {
    output.reset();
    kryo.writeObject(output, state);
    return output.position();
  }

  /** Reads an object of class {@code type} from the first {@code length} bytes. */
  public <T> T decode(byte[] bytes, int length, Class<T> type) {
    input.setBuffer(bytes, 0, length);
    return kryo.readObject(input, type);
  }
}

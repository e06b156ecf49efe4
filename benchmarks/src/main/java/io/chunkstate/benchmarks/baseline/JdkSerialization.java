package io.chunkstate.benchmarks.baseline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** The JDK serialization baseline: what a user gets for free from {@code Serializable}. */
public final class JdkSerialization {
  private final ByteSink sink;

  /** A codec whose output buffer starts at {@code capacity} bytes and grows as needed. */
  public JdkSerialization(int capacity) {
    this.sink = new ByteSink(capacity);
  }

  /** The output buffer; its first {@code encode} bytes are the last encoding. */
  public byte[] buffer() {
    return sink.buffer();
  }

  /** Serializes {@code state} to the start of the buffer; returns the length. */
  public int encode(Object state) {
    sink.reset();
    try (ObjectOutputStream out = new ObjectOutputStream(sink)) {
      out.writeObject(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.size();
  }

  /** Deserializes the object in the first {@code length} bytes. */
  public <T> T decode(byte[] bytes, int length, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, 0, length))) {
      return type.cast(in.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

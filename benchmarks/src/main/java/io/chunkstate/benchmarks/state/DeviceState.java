package io.chunkstate.benchmarks.state;

import io.chunkstate.annotation.Chunk;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The state of one small device, a UART-like serial port: twenty fields of the kinds a device
 * model holds (primitives of every width, a short byte array, a string, an enum) and one
 * sub-chunk, its timer.
 */
@Chunk("DeVS")
public record DeviceState(
    int id,
    boolean enabled,
    byte lineControl,
    byte modemControl,
    short divisor,
    char scratch,
    int interruptEnable,
    int interruptStatus,
    long rxBytes,
    long txBytes,
    long lastIrqNanos,
    float baudError,
    double clockHz,
    int fifoLevel,
    short fifoTrigger,
    boolean loopback,
    byte[] fifo,
    String name,
    Mode mode,
    TimerState timer)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  // Records compare arrays by reference; state compares by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof DeviceState d
        && id == d.id
        && enabled == d.enabled
        && lineControl == d.lineControl
        && modemControl == d.modemControl
        && divisor == d.divisor
        && scratch == d.scratch
        && interruptEnable == d.interruptEnable
        && interruptStatus == d.interruptStatus
        && rxBytes == d.rxBytes
        && txBytes == d.txBytes
        && lastIrqNanos == d.lastIrqNanos
        && Float.floatToRawIntBits(baudError) == Float.floatToRawIntBits(d.baudError)
        && Double.doubleToRawLongBits(clockHz) == Double.doubleToRawLongBits(d.clockHz)
        && fifoLevel == d.fifoLevel
        && fifoTrigger == d.fifoTrigger
        && loopback == d.loopback
        && Arrays.equals(fifo, d.fifo)
        && Objects.equals(name, d.name)
        && mode == d.mode
        && Objects.equals(timer, d.timer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, mode, timer, rxBytes, txBytes) * 31 + Arrays.hashCode(fifo);
  }

  @Override
  public String toString() {
    return "DeviceState[id=" + id + ", name=" + name + ", mode=" + mode + ", fifo="
        + Arrays.toString(fifo) + ", timer=" + timer + ", ...]";
  }
}

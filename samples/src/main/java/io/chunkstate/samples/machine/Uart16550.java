package io.chunkstate.samples.machine;

import io.chunkstate.annotation.Chunk;
import java.util.Arrays;

/**
 * A 16550 UART, kept as the mutable object an emulator updates on every register access. Its state
 * is restored into the live device with {@code decodeInto}, so that whatever holds a reference to it
 * keeps working.
 */
@Chunk("UaRt")
public class Uart16550 {
  private int divisor;
  private byte lineControl;
  private byte modemControl;
  private byte interruptEnable;
  private byte scratch;
  private byte[] receiveFifo;
  /** Not state: the host side of the serial line is reattached after a restore. */
  private transient Object hostConsole;

  /** A UART after reset: 9600 baud, 8N1, empty FIFO. */
  public Uart16550() {
    this.divisor = 12;
    this.lineControl = 0x03;
    this.receiveFifo = new byte[0];
  }

  /** The guest writes {@code text} to the scratch register and queues it for reading. */
  public void receive(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] fifo = Arrays.copyOf(receiveFifo, receiveFifo.length + bytes.length);
    System.arraycopy(bytes, 0, fifo, receiveFifo.length, bytes.length);
    receiveFifo = fifo;
  }

  public int getDivisor() {
    return divisor;
  }

  public void setDivisor(int divisor) {
    this.divisor = divisor;
  }

  public byte getLineControl() {
    return lineControl;
  }

  public void setLineControl(byte lineControl) {
    this.lineControl = lineControl;
  }

  public byte getModemControl() {
    return modemControl;
  }

  public void setModemControl(byte modemControl) {
    this.modemControl = modemControl;
  }

  public byte getInterruptEnable() {
    return interruptEnable;
  }

  public void setInterruptEnable(byte interruptEnable) {
    this.interruptEnable = interruptEnable;
  }

  public byte getScratch() {
    return scratch;
  }

  public void setScratch(byte scratch) {
    this.scratch = scratch;
  }

  public byte[] getReceiveFifo() {
    return receiveFifo;
  }

  public void setReceiveFifo(byte[] receiveFifo) {
    this.receiveFifo = receiveFifo;
  }

  public Object getHostConsole() {
    return hostConsole;
  }

  public void setHostConsole(Object hostConsole) {
    this.hostConsole = hostConsole;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Uart16550 u
        && divisor == u.divisor
        && lineControl == u.lineControl
        && modemControl == u.modemControl
        && interruptEnable == u.interruptEnable
        && scratch == u.scratch
        && Arrays.equals(receiveFifo, u.receiveFifo);
  }

  @Override
  public int hashCode() {
    return divisor * 31 + Arrays.hashCode(receiveFifo);
  }

  @Override
  public String toString() {
    return String.format(
        "Uart16550[divisor=%d, lcr=%02x, mcr=%02x, ier=%02x, fifo=%d bytes]",
        divisor, lineControl, modemControl, interruptEnable,
        receiveFifo == null ? 0 : receiveFifo.length);
  }
}

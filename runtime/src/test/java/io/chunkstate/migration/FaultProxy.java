package io.chunkstate.migration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy on loopback between a source and a destination that does one harm to one direction
 * at one byte offset: cuts the connection, flips the bits of one byte, or stops forwarding. With
 * no fault it records the bytes of each direction, so that a test can find the messages in them.
 */
final class FaultProxy implements AutoCloseable {
  enum Direction {
    TO_DESTINATION,
    TO_SOURCE
  }

  enum Harm {
    NONE,
    CUT,
    CORRUPT,
    STALL
  }

  /**
   * One harm in {@code direction}: at byte {@code offset}, or, when {@code message} is not
   * negative, {@code offset} bytes from the end of that message (0 right after its {@code CEND},
   * -1 before the last byte of its CRC); {@code mask} is what a corruption xors in.
   */
  record Fault(Harm harm, Direction direction, long offset, int mask, int message) {
    static final Fault NONE = new Fault(Harm.NONE, Direction.TO_DESTINATION, 0, 0, -1);

    static Fault at(Harm harm, Direction direction, long offset, int mask) {
      return new Fault(harm, direction, offset, mask, -1);
    }

    static Fault afterMessage(Harm harm, Direction direction, int message, long delta) {
      return new Fault(harm, direction, delta, 0, message);
    }

    @Override
    public String toString() {
      if (harm == Harm.NONE) {
        return "no fault";
      }
      return harm + " " + direction
          + (message < 0 ? " at byte " + offset : " at the end of message " + message
              + (offset == 0 ? "" : " " + offset));
    }
  }

  private final ServerSocket server;
  private final int destinationPort;
  private final Fault fault;
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Socket> sockets = new ArrayList<>();
  private final ByteArrayOutputStream[] recorded = {
    new ByteArrayOutputStream(), new ByteArrayOutputStream()
  };
  private volatile boolean harmed;

  FaultProxy(int destinationPort, Fault fault) throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.destinationPort = destinationPort;
    this.fault = fault;
    Thread acceptor = new Thread(this::acceptOne, "test-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Whether the harm was done: the traffic reached its offset. */
  boolean harmed() {
    return harmed;
  }

  /** The bytes that passed in {@code direction} (recorded only without a fault). */
  byte[] recorded(Direction direction) {
    synchronized (recorded) {
      return recorded[direction.ordinal()].toByteArray();
    }
  }

  private void acceptOne() {
    try {
      Socket fromSource = server.accept();
      Socket toDestination = new Socket(InetAddress.getLoopbackAddress(), destinationPort);
      synchronized (sockets) {
        sockets.add(fromSource);
        sockets.add(toDestination);
      }
      pump(fromSource, toDestination, Direction.TO_DESTINATION);
      pump(toDestination, fromSource, Direction.TO_SOURCE);
    } catch (IOException e) {
      close();
    }
  }

  private void pump(Socket from, Socket to, Direction direction) {
    Thread thread =
        new Thread(() -> forward(from, to, direction), "test-proxy-" + direction);
    thread.setDaemon(true);
    thread.start();
  }

  private void forward(Socket from, Socket to, Direction direction) {
    boolean mine = fault.harm() != Harm.NONE && fault.direction() == direction;
    long target = fault.message() < 0 ? fault.offset() : Long.MAX_VALUE;
    Messages messages = new Messages();
    long at = 0;
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          to.shutdownOutput();
          return;
        }
        if (fault.harm() == Harm.NONE) {
          synchronized (recorded) {
            recorded[direction.ordinal()].write(buffer, 0, n);
          }
        }
        if (mine && fault.message() >= 0 && target == Long.MAX_VALUE) {
          long end = messages.scan(buffer, n, fault.message());
          if (end >= 0) {
            target = end + fault.offset();
          }
        }
        if (mine && !harmed && target < at + n) {
          int before = (int) (target - at);
          harmed = true;
          switch (fault.harm()) {
            case CUT -> {
              out.write(buffer, 0, before);
              out.flush();
              close();
              return;
            }
            case CORRUPT -> buffer[before] ^= (byte) fault.mask();
            case STALL -> {
              out.write(buffer, 0, before);
              out.flush();
              released.await();
              return;
            }
            default -> throw new AssertionError(fault);
          }
        }
        out.write(buffer, 0, n);
        at += n;
      }
    } catch (IOException e) {
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    }
  }

  /** Ends every connection of the proxy and any stall. */
  @Override
  public void close() {
    released.countDown();
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    synchronized (sockets) {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // already closed
        }
      }
    }
  }

  /**
   * Finds where the messages end as their bytes pass: each is a stream of the format, from the
   * signature to {@code CEND}'s CRC. The end of a message is known once its {@code CEND} header
   * has passed, four bytes before the end.
   */
  private static final class Messages {
    private long pos;
    private long need = 8; // the signature
    private boolean inHeader;
    private final byte[] header = new byte[8];
    private int headerFill;
    private int seen;

    /** Scans {@code n} more bytes; returns the end of message {@code wanted}, once known, else -1. */
    long scan(byte[] bytes, int n, int wanted) {
      long found = -1;
      int i = 0;
      while (i < n) {
        if (inHeader) {
          header[headerFill++] = bytes[i++];
          pos++;
          if (headerFill == 8) {
            inHeader = false;
            headerFill = 0;
            int length = java.nio.ByteBuffer.wrap(header).getInt(0);
            String type =
                new String(header, 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            need = (length & 0xffffffffL) + 4;
            if (type.equals("CEND")) {
              if (seen++ == wanted) {
                found = pos + need;
              }
              need += 8; // and the next message's signature
            }
          }
        } else {
          int skip = (int) Math.min(need, n - i);
          i += skip;
          pos += skip;
          need -= skip;
          if (need == 0) {
            inHeader = true;
          }
        }
      }
      return found;
    }
  }

  /**
   * The offsets at which the messages in {@code bytes} end: each message is a stream of the
   * format, from the signature to {@code CEND}'s CRC.
   */
  static List<Long> boundaries(byte[] bytes) {
    List<Long> ends = new ArrayList<>();
    int at = 0;
    while (at + 8 <= bytes.length) {
      at += 8; // the signature
      while (at + 12 <= bytes.length) {
        int length = java.nio.ByteBuffer.wrap(bytes, at, 4).getInt();
        String type = new String(bytes, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
        at += 12 + length;
        if (type.equals("CEND")) {
          ends.add((long) at);
          break;
        }
      }
    }
    return ends;
  }
}

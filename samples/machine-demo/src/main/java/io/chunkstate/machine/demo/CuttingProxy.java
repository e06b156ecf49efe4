package io.chunkstate.machine.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a source and a destination that forwards one connection and can
 * cut it: once {@code cutAt} bytes have gone in the chosen direction, it forwards nothing more and
 * closes both sides, as a network that fails mid-transfer.
 */
public final class CuttingProxy implements AutoCloseable {
  /** Which way the bytes go that count toward the cut. */
  public enum Direction {
    /** From the source to the destination. */
    UPSTREAM,
    /** From the destination to the source. */
    DOWNSTREAM
  }

  private final ServerSocket server;
  private final int targetPort;
  private final Direction direction;
  private final long cutAt;
  private final AtomicLong upstream = new AtomicLong();
  private final AtomicLong downstream = new AtomicLong();
  private volatile boolean cut;
  private volatile Socket client;
  private volatile Socket target;

  /**
   * Listens on a free loopback port and forwards the first connection to {@code targetPort}, cut
   * after {@code cutAt} bytes in {@code direction} ({@code Long.MAX_VALUE}: never).
   */
  public CuttingProxy(int targetPort, Direction direction, long cutAt) throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.direction = direction;
    this.cutAt = cutAt;
    Thread acceptor = new Thread(this::accept, "proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port the source connects to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Whether the connection was cut. */
  public boolean wasCut() {
    return cut;
  }

  /** The bytes forwarded from the source to the destination. */
  public long upstreamBytes() {
    return upstream.get();
  }

  /** The bytes forwarded from the destination to the source. */
  public long downstreamBytes() {
    return downstream.get();
  }

  private void accept() {
    try {
      client = server.accept();
      target = new Socket();
      target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 10_000);
      client.setTcpNoDelay(true);
      target.setTcpNoDelay(true);
      Thread up = pipe(client, target, Direction.UPSTREAM, upstream);
      Thread down = pipe(target, client, Direction.DOWNSTREAM, downstream);
      up.join();
      down.join();
    } catch (IOException | InterruptedException e) {
      // the connection ended
    } finally {
      close();
    }
  }

  private Thread pipe(Socket from, Socket to, Direction way, AtomicLong count) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        while (true) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          if (way == direction && !cut) {
            long allowed = cutAt - count.get();
            if (allowed < n) {
              if (allowed > 0) {
                out.write(buffer, 0, (int) allowed);
                out.flush();
                count.addAndGet(allowed);
              }
              cut = true;
              close();
              return;
            }
          }
          if (cut) {
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
          count.addAndGet(n);
        }
        to.shutdownOutput(); // pass the end of one direction on, and let the other finish
      } catch (IOException e) {
        close(); // one side failed: fail the other
      }
    }, "proxy-" + way.name().toLowerCase(java.util.Locale.ROOT));
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Closes the listening socket and both sides of the connection. */
  @Override
  public void close() {
    closeQuietly(server);
    closeQuietly(client);
    closeQuietly(target);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}

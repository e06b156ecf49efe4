package io.chunkstate.machine.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The floor a migration's throughput is measured against: the same number of bytes copied from
 * one memory-mapped file to another over a plain loopback socket, with nothing else done.
 */
final class SocketCopyFloor {
  private SocketCopyFloor() {}

  /** Copies {@code bytes} bytes and returns the time it took, in nanoseconds. */
  static long copy(long bytes) throws IOException, InterruptedException {
    Path from = Files.createTempFile("floor-from-", ".ram");
    Path to = Files.createTempFile("floor-to-", ".ram");
    try (FileChannel source = open(from);
        FileChannel target = open(to);
        ServerSocketChannel server = ServerSocketChannel.open()) {
      MappedByteBuffer[] in = map(source, bytes);
      MappedByteBuffer[] out = map(target, bytes);
      for (MappedByteBuffer segment : in) {
        for (int i = 0; i < segment.capacity(); i += 64) {
          segment.putLong(i, i * 0x9E3779B97F4A7C15L);
        }
      }
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      long[] elapsed = new long[1];
      IOException[] failed = new IOException[1];
      Thread receiver = new Thread(() -> {
        try (SocketChannel channel = server.accept()) {
          for (MappedByteBuffer segment : out) {
            while (segment.hasRemaining()) {
              if (channel.read(segment) < 0) {
                throw new IOException("the sender stopped early");
              }
            }
          }
        } catch (IOException e) {
          failed[0] = e;
        }
      });
      receiver.start();
      long start = System.nanoTime();
      try (SocketChannel channel = SocketChannel.open(server.getLocalAddress())) {
        for (MappedByteBuffer segment : in) {
          while (segment.hasRemaining()) {
            channel.write(segment);
          }
        }
      }
      receiver.join();
      elapsed[0] = System.nanoTime() - start;
      if (failed[0] != null) {
        throw failed[0];
      }
      return elapsed[0];
    } finally {
      Files.deleteIfExists(from);
      Files.deleteIfExists(to);
    }
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static MappedByteBuffer[] map(FileChannel channel, long bytes) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(new byte[1]), bytes - 1);
    int segmentSize = 256 << 20;
    int count = (int) ((bytes + segmentSize - 1) / segmentSize);
    MappedByteBuffer[] segments = new MappedByteBuffer[count];
    for (int i = 0; i < count; i++) {
      long at = (long) i * segmentSize;
      long size = Math.min(segmentSize, bytes - at);
      segments[i] = channel.map(FileChannel.MapMode.READ_WRITE, at, size);
    }
    return segments;
  }
}

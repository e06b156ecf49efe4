package io.chunkstate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Snapshot files that are never half-written, and that describe themselves: a file carries a
 * {@code dESc} chunk (see {@link WriteOptions#withDescription}), so that a tool without the
 * program's classes can still read it. {@link #write} writes the stream to a temporary file
 * in the target's directory, forces it to disk, renames it over the target atomically and forces
 * the directory: a crash at any point leaves the old file or the new one, never a mix, and a
 * failure the writer sees leaves no temporary file behind.
 *
 * <pre>{@code
 * SnapshotFile.write(path, "my-vmm 2.1", registry, writer -> {
 *   writer.write(uart);
 *   writer.write(pciDevice);
 * });
 * Snapshot snapshot = SnapshotFile.read(path, registry);
 * }</pre>
 */
public final class SnapshotFile {
  /** What goes into the file: the states, written in order. */
  @FunctionalInterface
  public interface Contents {
    /** Writes the states; the file's {@code finish()} and {@code close()} are not its business. */
    void writeTo(StateWriter writer) throws IOException;
  }

  /** The steps of a write, which a test replaces to fail at each of them. */
  interface Steps {
    /** Opens the temporary file for writing. */
    FileChannel open(Path temporary) throws IOException;

    /** The stream the snapshot is written to, over the temporary file's channel. */
    OutputStream output(FileChannel channel) throws IOException;

    /** Forces the temporary file's bytes to disk. */
    void force(FileChannel channel) throws IOException;

    /** Renames the temporary file over the target, atomically. */
    void move(Path temporary, Path target) throws IOException;

    /** Forces the directory, so that the rename itself is on disk. */
    void forceDirectory(Path directory) throws IOException;
  }

  /** The steps as the file system takes them. */
  static final Steps DISK =
      new Steps() {
        @Override
        public FileChannel open(Path temporary) throws IOException {
          return FileChannel.open(
              temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public OutputStream output(FileChannel channel) {
          return Channels.newOutputStream(channel);
        }

        @Override
        public void force(FileChannel channel) throws IOException {
          channel.force(true);
        }

        @Override
        public void move(Path temporary, Path target) throws IOException {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
          try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
          } catch (IOException e) {
            // Some platforms cannot open a directory to force it (Windows); there the rename is
            // as durable as the file system makes it. Anywhere else the failure counts.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
              throw e;
            }
          }
        }
      };

  private SnapshotFile() {}

  /**
   * Writes a snapshot of what {@code contents} writes to {@code file}, replacing it atomically.
   * When this returns, the new file is on disk; when it throws, {@code file} is as it was (or
   * absent, if it was), and no temporary file is left.
   *
   * @throws AtomicMoveNotSupportedException if the file system cannot rename atomically
   * @throws IOException if writing fails; nothing has changed
   */
  public static void write(Path file, String producer, ChunkRegistry registry, Contents contents)
      throws IOException {
    write(file, producer, registry, contents, DISK);
  }

  static void write(
      Path file, String producer, ChunkRegistry registry, Contents contents, Steps steps)
      throws IOException {
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(contents, "contents");
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temporary =
        Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
    boolean moved = false;
    try {
      try (FileChannel channel = steps.open(temporary);
          OutputStream out = steps.output(channel);
          StateWriter writer =
              StateWriter.open(
                  out, producer, registry, WriteOptions.defaults().withDescription(true))) {
        contents.writeTo(writer);
        writer.finish();
        steps.force(channel);
      }
      steps.move(temporary, target);
      moved = true;
      steps.forceDirectory(directory);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * Reads and checks the whole snapshot in {@code file}, with {@link ReadOptions#defaults()}.
   *
   * @throws ChunkStreamException for a file that breaks the format
   * @throws IOException if the file cannot be read
   */
  public static Snapshot read(Path file, ChunkRegistry registry) throws IOException {
    return read(file, registry, ReadOptions.defaults());
  }

  /**
   * Reads and checks the whole snapshot in {@code file} within the limits of {@code options}.
   *
   * @throws ChunkStreamException for a file that breaks the format or passes a limit
   * @throws IOException if the file cannot be read
   */
  public static Snapshot read(Path file, ChunkRegistry registry, ReadOptions options)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return StateReader.read(in, registry, options);
    }
  }
}

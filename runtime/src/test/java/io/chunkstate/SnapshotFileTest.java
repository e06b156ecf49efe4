package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.TestCodecs.Flags;
import io.chunkstate.TestCodecs.Node;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot file is the old one or the new one, whatever fails, and no temporary file stays. */
class SnapshotFileTest {
  private static final ChunkRegistry REGISTRY = TestCodecs.registry();
  private static final List<Object> OLD = List.of(new Node(1, null));
  private static final List<Object> NEW =
      List.of(new Node(2, new Node(3, null)), new Flags(true, "new", TestCodecs.Color.RED, new int[] {4, 5}));

  private static SnapshotFile.Contents states(List<Object> states) {
    return writer -> {
      for (Object state : states) {
        writer.write(state);
      }
    };
  }

  /** The disk's steps, with one of them failing. */
  private static class Failing implements SnapshotFile.Steps {
    @Override
    public FileChannel open(Path temporary) throws IOException {
      return SnapshotFile.DISK.open(temporary);
    }

    @Override
    public OutputStream output(FileChannel channel) throws IOException {
      return SnapshotFile.DISK.output(channel);
    }

    @Override
    public void force(FileChannel channel) throws IOException {
      SnapshotFile.DISK.force(channel);
    }

    @Override
    public void move(Path temporary, Path target) throws IOException {
      SnapshotFile.DISK.move(temporary, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
      SnapshotFile.DISK.forceDirectory(directory);
    }
  }

  private static byte[] written(Path dir, List<Object> states) throws IOException {
    Path file = dir.resolve("reference.chk");
    SnapshotFile.write(file, "files", REGISTRY, states(states));
    return Files.readAllBytes(file);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  @Test
  void writesAndReadsBack(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("machine.chk");
    SnapshotFile.write(file, "files", REGISTRY, states(NEW));
    Snapshot snapshot = SnapshotFile.read(file, REGISTRY);
    assertEquals(NEW.get(0), snapshot.get(Node.class));
    assertEquals("new", snapshot.get(Flags.class).name());
    assertEquals(List.of(file), files(dir));
  }

  /** The output fails after n bytes, for every n across the new snapshot. */
  @Test
  void anOutputThatFailsAfterAnyByteLeavesTheOldFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("machine.chk");
    byte[] old = written(dir, OLD);
    byte[] fresh = written(dir, NEW);
    Files.delete(dir.resolve("reference.chk"));
    Files.write(file, old);
    for (int n = 0; n < fresh.length; n++) {
      int budget = n;
      SnapshotFile.Steps steps =
          new Failing() {
            @Override
            public OutputStream output(FileChannel channel) throws IOException {
              return new FilterOutputStream(super.output(channel)) {
                private int left = budget;

                @Override
                public void write(int b) throws IOException {
                  write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  int now = Math.min(left, len);
                  out.write(b, off, now);
                  left -= now;
                  if (now < len) {
                    throw new IOException("no space left on device");
                  }
                }
              };
            }
          };
      assertThrows(
          IOException.class,
          () -> SnapshotFile.write(file, "files", REGISTRY, states(NEW), steps),
          "failing after " + n + " bytes");
      assertArrayEquals(old, Files.readAllBytes(file), "after " + n + " bytes");
      assertEquals(List.of(file), files(dir), "after " + n + " bytes");
    }
  }

  enum Step {
    AFTER_THE_WRITE,
    AFTER_THE_FORCE,
    AFTER_THE_RENAME,
    BEFORE_THE_DIRECTORY_FORCE
  }

  @Test
  void aFailureAtEachStepLeavesTheOldFileOrTheWholeNewOne(@TempDir Path dir) throws IOException {
    byte[] old = written(dir, OLD);
    byte[] fresh = written(dir, NEW);
    Files.delete(dir.resolve("reference.chk"));
    Path file = dir.resolve("machine.chk");
    for (Step step : Step.values()) {
      Files.write(file, old);
      SnapshotFile.Steps steps =
          new Failing() {
            @Override
            public void force(FileChannel channel) throws IOException {
              if (step == Step.AFTER_THE_WRITE) {
                throw new IOException("the disk failed before the force");
              }
              super.force(channel);
              if (step == Step.AFTER_THE_FORCE) {
                throw new IOException("the disk failed after the force");
              }
            }

            @Override
            public void move(Path temporary, Path target) throws IOException {
              super.move(temporary, target);
              if (step == Step.AFTER_THE_RENAME) {
                throw new IOException("the disk failed after the rename");
              }
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
              if (step == Step.BEFORE_THE_DIRECTORY_FORCE) {
                throw new IOException("the disk failed before the directory force");
              }
              super.forceDirectory(directory);
            }
          };
      assertThrows(
          IOException.class,
          () -> SnapshotFile.write(file, "files", REGISTRY, states(NEW), steps),
          step.name());
      byte[] now = Files.readAllBytes(file);
      boolean renamed = step == Step.AFTER_THE_RENAME || step == Step.BEFORE_THE_DIRECTORY_FORCE;
      assertArrayEquals(renamed ? fresh : old, now, step.name());
      assertEquals(List.of(file), files(dir), step.name() + ": no temporary file is left");
    }
  }

  @Test
  void aFailureInTheCallersCodeLeavesTheOldFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("machine.chk");
    SnapshotFile.write(file, "files", REGISTRY, states(OLD));
    byte[] old = Files.readAllBytes(file);
    assertThrows(
        IllegalStateException.class,
        () ->
            SnapshotFile.write(
                file,
                "files",
                REGISTRY,
                writer -> {
                  writer.write(NEW.get(0));
                  throw new IllegalStateException("a device would not quiesce");
                }));
    assertArrayEquals(old, Files.readAllBytes(file));
    assertEquals(List.of(file), files(dir));
    assertTrue(SnapshotFile.read(file, REGISTRY).states().equals(OLD));
  }
}

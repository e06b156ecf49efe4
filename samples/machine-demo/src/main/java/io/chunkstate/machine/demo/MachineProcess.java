package io.chunkstate.machine.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One side of a migration as a process: {@code java -Xmx256m -jar machine-vN.jar ...}, its standard
 * output kept line by line, its standard error kept and passed to a log as it comes.
 */
public final class MachineProcess implements AutoCloseable {
  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final List<String> err = new ArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private MachineProcess(Process process, Consumer<String> log) {
    this.process = process;
    this.outReader = pump(process.getInputStream(), out, line -> {});
    this.errReader = pump(process.getErrorStream(), err, log);
  }

  /** Starts {@code jar} with {@code args} in a JVM of at most 256 MiB of heap. */
  public static MachineProcess start(Path jar, Consumer<String> log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    try {
      return new MachineProcess(new ProcessBuilder(command).start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a line of standard output that starts with {@code prefix}. */
  public Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (out) {
      while (true) {
        for (String line : out) {
          if (line.startsWith(prefix)) {
            return Optional.of(line);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!outReader.isAlive() && !process.isAlive())) {
          return Optional.empty();
        }
        out.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** Waits for the process to end and its output to be read; kills it after {@code timeout}. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    outReader.join(5000);
    errReader.join(5000);
    return process.exitValue();
  }

  /** The lines of standard output so far. */
  public List<String> stdout() {
    synchronized (out) {
      return List.copyOf(out);
    }
  }

  /** The lines of standard error so far. */
  public List<String> stderr() {
    synchronized (err) {
      return List.copyOf(err);
    }
  }

  /** The last line of standard output that starts with {@code prefix}. */
  public Optional<String> last(String prefix) {
    List<String> lines = stdout();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return Optional.of(lines.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static Thread pump(InputStream stream, List<String> into, Consumer<String> log) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          log.accept(line);
          synchronized (into) {
            into.add(line);
            into.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process is gone
      } finally {
        synchronized (into) {
          into.notifyAll();
        }
      }
    }, "process-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}

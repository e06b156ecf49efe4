package io.chunkstate.machine.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --timeout-s} of both commands: seconds, at least a millisecond (the sockets and the
 * session count whole milliseconds, and 0 would mean no bound) and at most a day.
 */
final class Timeout {
  private Timeout() {}

  /** The timeout {@code seconds} gives, or a usage error of {@code spec}'s command. */
  static Duration of(CommandSpec spec, double seconds) {
    if (!(seconds >= 0.001) || seconds > 86_400) {
      throw new ParameterException(spec.commandLine(),
          "--timeout-s must be at least 0.001 (1 ms) and at most a day, not " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** {@code timeout} in milliseconds, as a socket takes it. */
  static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}

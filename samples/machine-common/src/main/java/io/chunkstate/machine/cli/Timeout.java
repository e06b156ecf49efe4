package io.chunkstate.machine.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --timeout-s} of both commands: seconds, more than 0 and at most a day. */
final class Timeout {
  private Timeout() {}

  /** The timeout {@code seconds} gives, or a usage error of {@code spec}'s command. */
  static Duration of(CommandSpec spec, double seconds) {
    if (!(seconds > 0) || seconds > 86_400) {
      throw new ParameterException(spec.commandLine(),
          "--timeout-s must be more than 0 and at most a day, not " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** {@code timeout} in milliseconds, as a socket takes it. */
  static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}

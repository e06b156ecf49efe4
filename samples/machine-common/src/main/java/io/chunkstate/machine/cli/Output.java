package io.chunkstate.machine.cli;

import java.io.PrintStream;

/** Standard output: only the lines the command line promises, each flushed when printed. */
final class Output {
  private final PrintStream out;

  Output(PrintStream out) {
    this.out = out;
  }

  synchronized void line(String line) {
    out.println(line);
    out.flush();
  }

  /** {@code text} on one line, as a reason after {@code OUTCOME}. */
  static String oneLine(String text) {
    String flat = text == null || text.isBlank() ? "unknown" : text.strip();
    return flat.replaceAll("\\s+", " ");
  }
}

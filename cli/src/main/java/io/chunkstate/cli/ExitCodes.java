package io.chunkstate.cli;

/** Every exit status of the {@code chunkstate} command, in one place. */
final class ExitCodes {
  /** Everything checked is good. */
  static final int OK = 0;

  /** The command ran and found problems: a damaged stream, a difference, a dropped chunk. */
  static final int PROBLEMS = 1;

  /** The command line was wrong, or a file could not be read or written. */
  static final int USAGE_OR_IO = 2;

  private ExitCodes() {}

  /** {@link #OK} when nothing was found, else {@link #PROBLEMS}. */
  static int of(boolean problems) {
    return problems ? PROBLEMS : OK;
  }
}

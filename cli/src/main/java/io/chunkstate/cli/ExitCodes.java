package io.chunkstate.cli;

/** Every exit status of the {@code chunkstate} command, in one place. */
final class ExitCodes {
  /** Everything checked is good. */
  static final int OK = 0;

  /** The command ran and found problems: a damaged stream, a difference, a dropped chunk. */
  static final int PROBLEMS = 1;

  /** The command line was wrong, or a file could not be read or written. */
  static final int USAGE_OR_IO = 2;

  /**
   * The heap ran out after all, past the limits that bound what a command holds (a chunk it must
   * hold whole is a {@code LIMIT} problem before that). Nothing was decided about the input; run
   * it with a larger {@code -Xmx}.
   */
  static final int OUT_OF_MEMORY = 3;

  private ExitCodes() {}

  /** {@link #OK} when nothing was found, else {@link #PROBLEMS}. */
  static int of(boolean problems) {
    return problems ? PROBLEMS : OK;
  }
}

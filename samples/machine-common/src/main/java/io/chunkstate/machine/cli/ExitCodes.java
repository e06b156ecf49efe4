package io.chunkstate.machine.cli;

/** The exit codes of the machine's command line, which outside tools test. */
public final class ExitCodes {
  /** The migration ended and this side knows where the machine runs. */
  public static final int OK = 0;

  /** The destination does not run the machine. */
  public static final int NOT_RUNNING = 1;

  /** The command line is wrong. */
  public static final int USAGE = 2;

  /** The source sent the commit and heard nothing back: it does not know where the machine runs. */
  public static final int IN_DOUBT = 3;

  private ExitCodes() {}
}

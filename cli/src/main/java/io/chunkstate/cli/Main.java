package io.chunkstate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code chunkstate} command: one subcommand per class, exit codes in {@link ExitCodes}. */
@Command(
    name = "chunkstate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Inspect, check and edit chunkstate streams and PNG files.",
    subcommands = {
      InspectCommand.class,
      VerifyCommand.class,
      StripCommand.class,
      EditCommand.class,
      DiffCommand.class,
      RegistryCommand.class,
      CompatCommand.class
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new Main());
    line.setOut(out);
    line.setErr(err);
    line.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println("chunkstate: " + ex.getMessage());
          failed.usage(failed.getErr());
          return ExitCodes.USAGE_OR_IO;
        });
    line.setExecutionExceptionHandler(
        (ex, failed, parsed) -> {
          failed.getErr().println("chunkstate: " + describe(ex));
          return ExitCodes.USAGE_OR_IO;
        });
    int status;
    try {
      status = line.execute(args);
    } catch (OutOfMemoryError e) {
      // The last line of defence: what ran out is unreachable now, and a line can be printed.
      err.println(
          "chunkstate: out of memory: the command had to hold more than the heap of "
              + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; run java with a larger -Xmx");
      status = ExitCodes.OUT_OF_MEMORY;
    }
    out.flush();
    err.flush();
    return status;
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "cannot read or write: " + e.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"chunkstate " + (v == null ? "development" : v)};
    }
  }
}

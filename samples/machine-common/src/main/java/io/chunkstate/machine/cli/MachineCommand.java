package io.chunkstate.machine.cli;

import io.chunkstate.machine.MachineModel;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The machine's command line: {@code destination} waits for one migration, {@code source} boots a
 * machine and migrates it. Standard output carries only the lines of docs/MIGRATION.md's command
 * line; the exit codes are those of {@link ExitCodes}.
 */
@Command(
    name = "machine",
    mixinStandardHelpOptions = true,
    description = "A small machine that live-migrates between two processes.")
public final class MachineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Runs the command line {@code args} of version {@code model} and exits with its status. */
  public static void main(MachineModel model, String[] args) {
    int status = run(model, System.out, System.err, args);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** Runs the command line {@code args} of {@code model} with {@code out} and {@code err}. */
  public static int run(MachineModel model, PrintStream out, PrintStream err, String... args) {
    Output output = new Output(out);
    CommandLine line = new CommandLine(new MachineCommand());
    line.setCommandName(model.name());
    line.addSubcommand("destination", new DestinationCommand(model, output, err));
    line.addSubcommand("source", new SourceCommand(model, output, err));
    if (!model.hasFeature()) {
      CommandSpec source = line.getSubcommands().get("source").getCommandSpec();
      source.remove(source.findOption("--use-feature"));
    }
    line.setOut(new java.io.PrintWriter(err, true));
    line.setErr(new java.io.PrintWriter(err, true));
    line.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println(model.name() + ": " + ex.getMessage());
          failed.usage(failed.getErr());
          return ExitCodes.USAGE;
        });
    line.setExecutionExceptionHandler(
        (ex, failed, parsed) -> {
          failed.getErr().println(model.name() + ": " + ex);
          ex.printStackTrace(err);
          return ExitCodes.NOT_RUNNING; // a side that fails on its own does not run the machine
        });
    return line.execute(args);
  }
}

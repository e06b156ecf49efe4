package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate verify}: one line per file and the exit status, for scripts and CI. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Checks each file as a reader does: with --classpath every state is decoded; with"
            + " --registry the layouts are walked; with neither, framing and structure. Prints one"
            + " line per file; exits 0 if all are good, 1 if any is not.")
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Streams or PNG files.")
  List<Path> files;

  @Mixin SourceOptions sources;

  @Override
  public Integer call() throws Exception {
    Descriptions descriptions = sources.descriptions();
    ReaderCheck check = new ReaderCheck(descriptions, sources.readOptions(spec.commandLine()));
    PrintWriter out = spec.commandLine().getOut();
    // Verify prints its own line per file: the report prints nothing.
    Inspector inspector = new Inspector(descriptions, check, new Report() {});
    int failed = 0;
    for (Path file : files) {
      ChunkStreamException problem = inspector.inspect(file).problem();
      if (problem == null) {
        out.println("OK   " + file);
      } else {
        failed++;
        out.println("FAIL " + file + ": " + problem.getMessage());
      }
    }
    out.flush();
    return ExitCodes.of(failed > 0);
  }
}

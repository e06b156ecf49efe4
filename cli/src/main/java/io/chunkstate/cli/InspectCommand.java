package io.chunkstate.cli;

import io.chunkstate.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate inspect}: pngcheck for chunk streams. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Lists every chunk of each file at every depth: offset, length, type, property bits, CRC,"
            + " and field values where a description is known (a hex preview otherwise); then a"
            + " verdict per file. PNG files are recognised by their signature and their chunks"
            + " checked as pngcheck checks them.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Streams or PNG files.")
  List<Path> files;

  @Mixin SourceOptions sources;

  @Option(names = {"-q", "--quiet"}, description = "Print only the problems.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Show the stream offset of each inline field.")
  boolean verbose;

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Option(
      names = "--summary",
      description = "Per chunk type: the count, the bytes and the share of the file.")
  boolean summary;

  @Override
  public Integer call() throws Exception {
    if (json && summary) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--json and --summary are two different outputs: choose one");
    }
    ReadOptions options = sources.readOptions(spec.commandLine());
    Descriptions descriptions = sources.descriptions();
    PrintWriter out = spec.commandLine().getOut();
    Report report =
        json ? new JsonReport(out)
            : summary ? new SummaryReport(out)
            : new TextReport(out, quiet, verbose);
    int failed = inspectAll(new Inspector(descriptions, new ReaderCheck(descriptions, options), report), files);
    report.end(files.size(), failed);
    out.flush();
    return ExitCodes.of(failed > 0);
  }

  /** Inspects every file in turn; returns how many had problems. */
  static int inspectAll(Inspector inspector, List<Path> files) throws java.io.IOException {
    int failed = 0;
    for (Path file : files) {
      if (inspector.inspect(file).problem() != null) {
        failed++;
      }
    }
    return failed;
  }
}

package io.chunkstate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate strip --ancillary IN OUT}. */
@Command(
    name = "strip",
    mixinStandardHelpOptions = true,
    description =
        "Copies IN to OUT without its ancillary chunks, at every depth the descriptions reach,"
            + " by the copy rules of SPEC §2; OUT is replaced only if the copy succeeds.")
final class StripCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ancillary", required = true, description = "Remove every ancillary chunk.")
  boolean ancillary;

  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  @Mixin SourceOptions sources;

  @Override
  public Integer call() throws Exception {
    return Copier.copy(
        in, out, sources.descriptions(), editor -> editor.stripAncillary(),
        spec.commandLine().getOut());
  }
}

package io.chunkstate.cli;

import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.ChunkPath;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate edit IN OUT --remove TYPE...}. */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description =
        "Copies IN to OUT without the chunks named, by the copy rules of SPEC §2: removing a"
            + " critical chunk drops the unknown unsafe-to-copy ones, which are listed. OUT is"
            + " replaced only if the copy succeeds.")
final class EditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  @Option(
      names = "--remove",
      paramLabel = "TYPE|PATH",
      required = true,
      arity = "1..*",
      description =
          "A type code (every chunk of that type, at any depth) or a path such as PcIs[1]/MsXs"
              + " (that one chunk).")
  List<String> remove;

  @Mixin SourceOptions sources;

  @Override
  public Integer call() throws Exception {
    return Copier.copy(in, out, sources.descriptions(), this::edits, spec.commandLine().getOut());
  }

  private ChunkEditor edits(ChunkEditor editor) {
    for (String r : remove) {
      try {
        editor =
            r.contains("/") || r.contains("[")
                ? editor.remove(ChunkPath.parse(r))
                : editor.removeAll(ChunkType.of(r));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--remove " + r + ": " + e.getMessage());
      }
    }
    return editor;
  }
}

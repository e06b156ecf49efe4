package io.chunkstate.cli;

import io.chunkstate.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where field values and the reader's rules come from, and the reader's limits: shared by every
 * subcommand that reads streams. Sources are consulted in order: codecs on the class path, then a
 * registry file.
 */
final class SourceOptions {
  @Option(
      names = "--classpath",
      paramLabel = "JAR",
      split = ",",
      description =
          "Jars or class folders (comma-separated, or the option repeated) whose generated codecs"
              + " describe and decode the chunks; consulted first.")
  List<Path> classPath;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description =
          "A META-INF/chunkstate/registry.json (format 2) that describes the chunks the class path"
              + " does not.")
  Path registry;

  @Option(
      names = "--max-chunk-length",
      paramLabel = "BYTES",
      description = "The longest chunk the reader accepts (LIMIT beyond it); needs --classpath.")
  Integer maxChunkLength;

  @Option(
      names = "--max-chunks",
      paramLabel = "N",
      description = "The most chunks the reader accepts (LIMIT beyond it); needs --classpath.")
  Long maxChunks;

  /** The descriptions the options name, in order: the class path's codecs, then the registry file. */
  Descriptions descriptions() throws IOException {
    List<Descriptions> sources = new ArrayList<>();
    if (classPath != null) {
      sources.add(ClassPathDescriptions.load(classPath));
    }
    if (registry != null) {
      sources.add(RegistryFileDescriptions.load(registry));
    }
    return Descriptions.inOrder(sources);
  }

  /** The reader's options; limits apply where the codecs read, so they need a class path. */
  ReadOptions readOptions(picocli.CommandLine line) {
    ReadOptions options = ReadOptions.defaults();
    if ((maxChunkLength != null || maxChunks != null)
        && classPath == null) {
      throw new picocli.CommandLine.ParameterException(
          line, "--max-chunk-length and --max-chunks limit the codecs' read: give --classpath");
    }
    if (maxChunkLength != null) {
      options = options.withMaxChunkLength(maxChunkLength);
    }
    if (maxChunks != null) {
      options = options.withMaxChunks(maxChunks);
    }
    return options;
  }
}

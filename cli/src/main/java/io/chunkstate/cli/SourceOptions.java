package io.chunkstate.cli;

import io.chunkstate.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where field values and the reader's rules come from, and the reader's limits: shared by every
 * subcommand that reads streams.
 */
final class SourceOptions {
  /** One source at most: codecs on a class path, or a registry file. */
  static final class Source {
    @Option(
        names = "--classpath",
        paramLabel = "JAR",
        split = ",",
        description = "Jars or class folders (comma-separated, or the option repeated) whose generated codecs describe and decode the chunks.")
    List<Path> classPath;

    @Option(
        names = "--registry",
        paramLabel = "FILE",
        description = "A META-INF/chunkstate/registry.json (format 2) that describes the chunks.")
    Path registry;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

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

  /** The descriptions the options name. */
  Descriptions descriptions() throws IOException {
    if (source == null) {
      return Descriptions.NONE;
    }
    if (source.classPath != null) {
      return ClassPathDescriptions.load(source.classPath);
    }
    return RegistryFileDescriptions.load(source.registry);
  }

  /** The reader's options; limits apply where the codecs read, so they need a class path. */
  ReadOptions readOptions(picocli.CommandLine line) {
    ReadOptions options = ReadOptions.defaults();
    if ((maxChunkLength != null || maxChunks != null)
        && (source == null || source.classPath == null)) {
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

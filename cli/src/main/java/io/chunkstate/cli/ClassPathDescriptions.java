package io.chunkstate.cli;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.schema.TypeDescription;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The descriptions of the generated codecs that {@code ServiceLoader} finds on a class path. */
final class ClassPathDescriptions implements Descriptions {
  private final ChunkRegistry registry;
  private final List<TypeDescription> types;
  private final String source;

  private ClassPathDescriptions(ChunkRegistry registry, String source) {
    this.registry = registry;
    this.source = source;
    this.types = registry.descriptions();
  }

  /**
   * Loads every codec in {@code entries} (jars or class folders), whose classes see the runtime
   * this command runs on.
   *
   * @throws IOException if an entry does not exist
   * @throws IllegalStateException if the registry refuses the codecs (two for one code)
   */
  static ClassPathDescriptions load(List<Path> entries) throws IOException {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      Path entry = entries.get(i);
      if (!Files.exists(entry)) {
        throw new NoSuchFileException(entry.toString());
      }
      urls[i] = entry.toUri().toURL();
    }
    // The loader lives as long as the command: its classes are used until the end.
    URLClassLoader loader = new URLClassLoader(urls, ClassPathDescriptions.class.getClassLoader());
    return new ClassPathDescriptions(ChunkRegistry.load(loader), "class path " + entries);
  }

  @Override
  public Collection<TypeDescription> types() {
    return types;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Optional<ChunkRegistry> registry() {
    return Optional.of(registry);
  }
}

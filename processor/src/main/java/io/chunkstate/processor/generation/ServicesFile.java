package io.chunkstate.processor.generation;

import java.util.Collection;
import java.util.TreeSet;

/** The text of {@code META-INF/services/io.chunkstate.ChunkCodec}. */
public final class ServicesFile {
  /** The path of the file in the class output. */
  public static final String PATH =
      "META-INF/services/" + RuntimeTypes.CHUNK_CODEC.reflectionName();

  private ServicesFile() {}

  /**
   * The codecs named in {@code existing} (the file's earlier text, comments and blank lines
   * dropped) and the {@code generated} ones, sorted, one binary class name a line.
   */
  public static String merge(String existing, Collection<String> generated) {
    TreeSet<String> names = new TreeSet<>(generated);
    for (String line : existing.split("\n", -1)) {
      int comment = line.indexOf('#');
      String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(name).append('\n');
    }
    return out.toString();
  }
}

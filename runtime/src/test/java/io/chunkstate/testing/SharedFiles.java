package io.chunkstate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared folder (spec vectors, PngSuite) that sits beside the repository. */
public final class SharedFiles {
  private SharedFiles() {}

  /** {@code shared/<relative>}, from the {@code chunkstate.shared} property or by walking up. */
  public static Path resolve(String relative) {
    String configured = System.getProperty("chunkstate.shared");
    if (configured != null && Files.isDirectory(Paths.get(configured))) {
      return Paths.get(configured).resolve(relative);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isDirectory(candidate.resolve("spec"))) {
        return candidate.resolve(relative);
      }
    }
    throw new IllegalStateException(
        "cannot find the shared folder: set -Dchunkstate.shared=/path/to/shared");
  }
}

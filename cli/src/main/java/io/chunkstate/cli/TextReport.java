package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import java.io.PrintWriter;

/**
 * The inspector's text: one line per chunk, indented by depth, then the verdict of each file and
 * a summary; with {@code quiet}, the problems alone; with {@code verbose}, field offsets too.
 */
final class TextReport implements Report {
  private final PrintWriter out;
  private final boolean quiet;
  private final boolean verbose;
  private String file;

  TextReport(PrintWriter out, boolean quiet, boolean verbose) {
    this.out = out;
    this.quiet = quiet;
    this.verbose = verbose;
  }

  @Override
  public void file(String name, long size, String format) {
    file = name;
    if (!quiet) {
      out.printf("File: %s (%d bytes, %s)%n", name, size, format);
      out.printf("    offset     length  type  properties%n");
    }
  }

  @Override
  public void chunk(Listed c) {
    if (quiet) {
      return;
    }
    StringBuilder line = new StringBuilder();
    line.append(String.format("%10d %10d  ", c.offset(), c.length()));
    line.append("  ".repeat(c.depth())).append(c.type().code()).append("  ");
    line.append(Report.properties(c.type())).append("  CRC ok ");
    if (c.preview() != null) {
      line.append(" ").append(c.preview().isEmpty() ? "(no data)" : c.preview());
    }
    for (Values.Field f : c.fields()) {
      line.append(' ').append(f.name());
      if (verbose) {
        line.append('@').append(f.offset());
      }
      line.append('=').append(f.value());
    }
    if (!c.note().isEmpty()) {
      line.append(" (").append(c.note()).append(')');
    }
    out.println(line.toString().stripTrailing());
  }

  @Override
  public void problem(ChunkStreamException problem) {
    if (quiet) {
      out.println(file + ": " + problem.getMessage());
    } else {
      out.println("  ERROR " + problem.getMessage());
    }
  }

  @Override
  public void endFile(Verdict v) {
    if (quiet) {
      return;
    }
    if (v.problem() == null) {
      out.printf("No errors in %s (%d chunks).%n%n", v.file(), v.chunks());
    } else {
      out.printf(
          "ERRORS in %s: %s at offset %d%s.%n%n",
          v.file(),
          v.problem().kind(),
          v.problem().offset(),
          v.problem().path().isEmpty() ? "" : " in " + v.problem().path());
    }
  }

  @Override
  public void end(int files, int withProblems) {
    if (quiet) {
      return;
    }
    if (withProblems == 0) {
      out.printf("No errors in %d %s.%n", files, files == 1 ? "file" : "files");
    } else {
      out.printf("Errors were detected in %d of %d %s.%n", withProblems, files, files == 1 ? "file" : "files");
    }
  }
}

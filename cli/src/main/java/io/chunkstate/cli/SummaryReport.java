package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per chunk type, at each place in the tree ({@code PcIs/MsXs}), the count, the bytes (framing
 * included) and the share of the file, instead of one line per chunk: memory follows the number
 * of distinct types, not the file.
 */
final class SummaryReport implements Report {
  private static final int FRAMING = 12;

  private final PrintWriter out;
  private final Map<String, long[]> types = new TreeMap<>();

  SummaryReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void file(String name, long size, String format) {
    types.clear();
    out.printf("File: %s (%d bytes, %s)%n", name, size, format);
  }

  @Override
  public void chunk(Listed c) {
    long[] totals = types.computeIfAbsent(c.path(), k -> new long[2]);
    totals[0]++;
    totals[1] += FRAMING + (long) c.length();
  }

  @Override
  public void problem(ChunkStreamException problem) {
    out.println("  ERROR " + problem.getMessage());
  }

  @Override
  public void endFile(Verdict v) {
    out.printf("  %-20s %10s %14s %8s%n", "type", "count", "bytes", "share");
    for (Map.Entry<String, long[]> e : types.entrySet()) {
      String path = e.getKey();
      int depth = (int) path.chars().filter(ch -> ch == '/').count();
      String label = "  ".repeat(depth) + path.substring(path.lastIndexOf('/') + 1);
      long[] t = e.getValue();
      double share = v.size() == 0 ? 0 : 100.0 * t[1] / v.size();
      out.printf("  %-20s %10d %14d %7.2f%%%n", label, t[0], t[1], share);
    }
    if (v.problem() == null) {
      out.printf("No errors in %s (%d chunks).%n%n", v.file(), v.chunks());
    } else {
      out.printf("ERRORS in %s: %s%n%n", v.file(), v.problem().getMessage());
    }
  }

  @Override
  public void end(int files, int withProblems) {
    if (withProblems == 0) {
      out.printf("No errors in %d %s.%n", files, files == 1 ? "file" : "files");
    } else {
      out.printf("Errors were detected in %d of %d %s.%n", withProblems, files, files == 1 ? "file" : "files");
    }
  }
}

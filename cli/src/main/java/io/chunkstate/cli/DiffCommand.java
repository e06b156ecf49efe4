package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chunkstate diff A B}: chunk by chunk, field by field where described. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compares two streams chunk by chunk, matching chunks by their place in the tree"
            + " (PcIs[1]/MsXs[0]), and field by field where a description is known, with the"
            + " offsets of both sides. Exits 0 if they hold the same chunks, 1 if not or if either"
            + " is damaged. Holds the listing of both streams, not their data.")
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A")
  Path a;

  @Parameters(index = "1", paramLabel = "B")
  Path b;

  @Mixin SourceOptions sources;

  @Override
  public Integer call() throws Exception {
    Descriptions descriptions = sources.descriptions();
    ReaderCheck check = new ReaderCheck(descriptions, sources.readOptions(spec.commandLine()));
    Listing left = new Listing();
    Listing right = new Listing();
    ChunkStreamException leftProblem = new Inspector(descriptions, check, left).inspect(a).problem();
    ChunkStreamException rightProblem = new Inspector(descriptions, check, right).inspect(b).problem();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("--- %s%n+++ %s%n", a, b);
    int differences = 0;
    int uncompared = 0; // chunks of one side past where the other could not be read
    for (Map.Entry<String, Report.Listed> e : left.chunks.entrySet()) {
      Report.Listed r = right.chunks.get(e.getKey());
      Report.Listed l = e.getValue();
      if (r == null) {
        if (rightProblem == null) {
          out.printf("- %s at %d, length %d: only in A%n", e.getKey(), l.offset(), l.length());
          differences++;
        } else {
          uncompared++;
        }
      } else if (!sameChunk(l, r)) {
        differences++;
        out.printf(
            "~ %s at %d / %d, length %d / %d%n", e.getKey(), l.offset(), r.offset(), l.length(),
            r.length());
        fields(l, r, out);
      }
    }
    for (Map.Entry<String, Report.Listed> e : right.chunks.entrySet()) {
      if (!left.chunks.containsKey(e.getKey())) {
        Report.Listed r = e.getValue();
        if (leftProblem == null) {
          out.printf("+ %s at %d, length %d: only in B%n", e.getKey(), r.offset(), r.length());
          differences++;
        } else {
          uncompared++;
        }
      }
    }
    for (ChunkStreamException p : new ChunkStreamException[] {leftProblem, rightProblem}) {
      if (p != null) {
        out.println("! " + (p == leftProblem ? a : b) + ": " + p.getMessage());
        out.println("  the chunks it could not list are not compared");
      }
    }
    if (differences == 0) {
      out.printf("The chunks compared are the same (%d).%n", left.chunks.size() - uncompared);
    } else {
      out.printf(
          "%d of %d chunks differ.%n",
          differences, Math.max(left.chunks.size(), right.chunks.size()) - uncompared);
    }
    out.flush();
    return ExitCodes.of(differences > 0 || leftProblem != null || rightProblem != null);
  }

  /** Whether two chunks at one place hold the same: type, length and data. */
  private static boolean sameChunk(Report.Listed l, Report.Listed r) {
    return l.length() == r.length() && l.dataCrc() == r.dataCrc();
  }

  /** The fields that differ, or the data previews where the chunks are not described. */
  private static void fields(Report.Listed l, Report.Listed r, PrintWriter out) {
    if (l.preview() != null || r.preview() != null) {
      if (!Objects.equals(l.preview(), r.preview())) {
        out.printf("    data: %s%n       → %s%n", l.preview(), r.preview());
      } else {
        out.println("    data differs past the preview, or in its sub-chunks");
      }
      return;
    }
    Map<String, Values.Field> right = new LinkedHashMap<>();
    for (Values.Field f : r.fields()) {
      right.put(f.name(), f);
    }
    boolean any = false;
    for (Values.Field f : l.fields()) {
      Values.Field g = right.remove(f.name());
      if (g == null) {
        out.printf("    %s@%d: %s → (absent)%n", f.name(), f.offset(), f.value());
        any = true;
      } else if (!f.value().equals(g.value())) {
        out.printf("    %s@%d/%d: %s → %s%n", f.name(), f.offset(), g.offset(), f.value(), g.value());
        any = true;
      }
    }
    for (Values.Field g : right.values()) {
      out.printf("    %s@%d: (absent) → %s%n", g.name(), g.offset(), g.value());
      any = true;
    }
    if (!any) {
      out.println("    the inline fields are the same: the difference is in the sub-chunks");
    }
  }

  /** Collects the chunks of one stream by their place in the tree: {@code PcIs[1]/MsXs[0]}. */
  private static final class Listing implements Report {
    final Map<String, Report.Listed> chunks = new LinkedHashMap<>();
    // The places of the chunks open at each depth, and how many of each type each one holds.
    private final Deque<String> places = new ArrayDeque<>();
    private final List<Map<String, Integer>> counts = new ArrayList<>();

    @Override
    public void file(String name, long size, String format) {
      counts.add(new HashMap<>());
    }

    @Override
    public void chunk(Listed c) {
      while (places.size() > c.depth()) {
        places.pop();
        counts.remove(counts.size() - 1);
      }
      int index = counts.get(c.depth()).merge(c.type().code(), 1, Integer::sum) - 1;
      String place =
          (places.isEmpty() ? "" : places.peek() + "/") + c.type().code() + "[" + index + "]";
      chunks.put(place, c);
      places.push(place);
      counts.add(new HashMap<>());
    }

  }
}

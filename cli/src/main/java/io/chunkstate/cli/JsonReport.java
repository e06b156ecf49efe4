package io.chunkstate.cli;

import com.google.gson.stream.JsonWriter;
import io.chunkstate.ChunkStreamException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The inspector's findings as one JSON document, written as they come with Gson's {@link JsonWriter}. */
final class JsonReport implements Report {
  private final PrintWriter out;
  private final JsonWriter json;
  private final List<ChunkStreamException> problems = new ArrayList<>();

  JsonReport(PrintWriter out) {
    this.out = out;
    json = new JsonWriter(out);
    json.setIndent("  ");
    json.setHtmlSafe(false);
    io(() -> json.beginObject().name("files").beginArray());
  }

  /** A write to the JSON writer, which fails only with its output. */
  private interface Write {
    void run() throws IOException;
  }

  private static void io(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void file(String name, long size, String format) {
    problems.clear();
    io(() -> json.beginObject()
        .name("file").value(name)
        .name("size").value(size)
        .name("format").value(format)
        .name("chunks").beginArray());
  }

  @Override
  public void chunk(Listed c) {
    io(() -> {
      json.beginObject()
          .name("offset").value(c.offset())
          .name("length").value(c.length())
          .name("type").value(c.type().code())
          .name("path").value(c.path())
          .name("depth").value(c.depth());
      json.name("properties").beginObject()
          .name("critical").value(c.type().isCritical())
          .name("public").value(c.type().isPublic())
          .name("reservedBitSet").value(c.type().isReservedBitSet())
          .name("safeToCopy").value(c.type().isSafeToCopy())
          .endObject();
      json.name("crc").value("ok");
      if (c.preview() != null) {
        json.name("hex").value(c.preview());
      } else {
        json.name("fields").beginArray();
        for (Values.Field f : c.fields()) {
          json.beginObject()
              .name("name").value(f.name())
              .name("offset").value(f.offset())
              .name("value").value(f.value())
              .endObject();
        }
        json.endArray();
      }
      if (!c.note().isEmpty()) {
        json.name("note").value(c.note());
      }
      json.endObject();
    });
  }

  @Override
  public void problem(ChunkStreamException problem) {
    problems.add(problem);
  }

  @Override
  public void endFile(Verdict v) {
    io(() -> {
      json.endArray().name("problems").beginArray();
      for (ChunkStreamException p : problems) {
        writeProblem(p);
      }
      json.endArray();
      json.name("chunkCount").value(v.chunks()).name("ok").value(v.problem() == null);
      if (v.problem() != null) {
        json.name("verdict");
        writeProblem(v.problem());
      }
      json.endObject();
    });
  }

  private void writeProblem(ChunkStreamException p) throws IOException {
    json.beginObject()
        .name("kind").value(p.kind().name())
        .name("offset").value(p.offset())
        .name("path").value(p.path())
        .name("detail").value(p.detail())
        .name("message").value(p.getMessage())
        .endObject();
  }

  @Override
  public void end(int files, int withProblems) {
    io(() -> {
      json.endArray()
          .name("summary").beginObject()
          .name("files").value(files)
          .name("withProblems").value(withProblems)
          .endObject()
          .endObject();
      json.flush();
    });
    out.println();
    out.flush();
  }
}

package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.wire.WireReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Walks one file chunk by chunk, at every depth where a description says where the sub-chunks
 * begin, and reports each chunk as it comes, in memory that does not grow with the file. A
 * chunkstate stream is first checked as a reader checks it ({@link ReaderCheck}): that check
 * decides the verdict, with the reader's kind, offset and path. A PNG is walked with {@link
 * Signature#PNG} and held to the rule that {@code IEND} ends it, as {@code pngcheck} does.
 */
final class Inspector {
  private static final ChunkType IEND = ChunkType.of("IEND");
  private static final int BUFFER = 1 << 16;

  /** {@code CHDR}'s fields (SPEC §3); bytes after the producer are reserved. */
  private static final TypeDescription CHDR =
      new TypeDescription(
          ChunkType.CHDR,
          "CHDR",
          List.of(
              new FieldDescription("major", WireType.Primitive.SHORT, "short", true, -1),
              new FieldDescription("minor", WireType.Primitive.SHORT, "short", true, -1),
              FieldDescription.of("producer", WireType.TEXT, "String")),
          List.of());

  private final Descriptions given;
  private final ReaderCheck check;
  // The descriptions of the file at hand: those given, then the file's own dESc.
  private Descriptions descriptions;
  private final Report report;

  Inspector(Descriptions descriptions, ReaderCheck check, Report report) {
    this.given = descriptions;
    this.descriptions = descriptions;
    this.check = check;
    this.report = report;
  }

  /**
   * Whether {@code head}, the first {@code n} bytes of a file, is nearer a PNG's signature than a
   * chunkstate stream's: a damaged signature is reported against the one it was meant to be.
   */
  static boolean looksLikePng(byte[] head, int n) {
    byte[] png = Signature.PNG.bytes();
    byte[] chunkstate = Signature.CHUNKSTATE.bytes();
    int towardsPng = 0;
    for (int i = 0; i < n; i++) {
      towardsPng += (head[i] == png[i] ? 1 : 0) - (head[i] == chunkstate[i] ? 1 : 0);
    }
    return towardsPng > 0;
  }

  /** Inspects {@code file}; returns its verdict, which the report has been given too. */
  Report.Verdict inspect(Path file) throws IOException {
    long size = Files.size(file);
    boolean png;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = new byte[8];
      png = looksLikePng(head, in.readNBytes(head, 0, 8));
    }
    report.file(file.toString(), size, png ? "PNG" : "chunkstate");
    descriptions = png ? given : StreamDescriptions.after(given, file);
    ChunkStreamException decided = png ? null : check.check(file);
    Walk walk = new Walk(png);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
      walk.run(in, size);
    }
    ChunkStreamException problem = decided != null ? decided : walk.problem;
    if (problem != null && !same(problem, walk.problem)) {
      report.problem(problem);
    }
    Report.Verdict verdict = new Report.Verdict(file.toString(), size, walk.chunks, problem);
    report.endFile(verdict);
    return verdict;
  }

  private static int crc(byte[] data, int from, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, from, length);
    return (int) crc.getValue();
  }

  private static boolean same(ChunkStreamException a, ChunkStreamException b) {
    return b != null && a.kind() == b.kind() && a.offset() == b.offset() && a.path().equals(b.path());
  }

  /** One walk of one file. */
  private final class Walk {
    private final boolean png;
    long chunks;
    ChunkStreamException problem;

    Walk(boolean png) {
      this.png = png;
    }

    void run(InputStream in, long size) throws IOException {
      try (ChunkInput input = ChunkInput.open(in, png ? Signature.PNG : Signature.CHUNKSTATE)) {
        RawChunk chunk;
        while ((chunk = input.next()) != null) {
          chunks++;
          top(chunk);
          if (png && chunk.type().equals(IEND)) {
            if (input.position() < size) {
              fail(
                  new ChunkStreamException(
                      ChunkStreamException.Kind.TRAILING_DATA,
                      input.position(),
                      "",
                      "additional data after IEND chunk (" + (size - input.position())
                          + " bytes)"));
            }
            return;
          }
        }
        if (png) {
          fail(
              new ChunkStreamException(
                  ChunkStreamException.Kind.TRUNCATED,
                  input.position(),
                  "",
                  "file doesn't end with an IEND chunk"));
        }
      } catch (ChunkStreamException e) {
        fail(e);
      }
    }

    private void fail(ChunkStreamException e) {
      problem = e;
      report.problem(e);
    }

    private void top(RawChunk chunk) throws ChunkStreamException {
      ChunkType type = chunk.type();
      TypeDescription described =
          png ? null : type.equals(ChunkType.CHDR) ? CHDR : descriptions.ofType(type).orElse(null);
      byte[] data = chunk.data();
      if (described == null) {
        report.chunk(
            new Report.Listed(
                0, type.code(), chunk.offset(), chunk.length(), type, List.of(),
                Quote.hexPreview(data, 0, data.length), "", crc(data, 0, data.length)));
        return;
      }
      try {
        walk(WireReader.of(type, data), described, data, chunk.offset(), 0);
      } catch (ChunkStreamException e) {
        // The reader stood alone at offset 0: its offsets are relative to this chunk.
        ChunkStreamException moved =
            new ChunkStreamException(e.kind(), e.offset() + chunk.offset(), e.path(), e.detail());
        moved.initCause(e);
        throw moved;
      }
    }

    /**
     * Lists the chunk {@code in} reads, described by {@code type}, and its sub-chunks; offsets in
     * {@code in} are relative to the top-level chunk at {@code base}, whose data is {@code data}.
     */
    private void walk(WireReader in, TypeDescription type, byte[] data, long base, int depth)
        throws ChunkStreamException {
      long offset = base + in.chunkOffset();
      int from = (int) in.chunkOffset(); // the chunk's data, as an index into the top data
      int crc = crc(data, from, in.length());
      if (type == null) {
        report.chunk(
            new Report.Listed(
                depth, in.path(), offset, in.length(), in.type(), List.of(),
                Quote.hexPreview(data, from, in.length()), "", crc));
        return;
      }
      List<Values.Field> fields = Values.read(in, type.fields(), offset + 8);
      boolean header = type == CHDR; // its bytes after the producer are reserved, not sub-chunks
      String note = header && in.remaining() > 0 ? in.remaining() + " reserved bytes" : "";
      report.chunk(
          new Report.Listed(
              depth, in.path(), offset, in.length(), in.type(), fields, null, note, crc));
      if (header) {
        return;
      }
      while (in.hasRemaining()) {
        WireReader sub = in.nextSubChunk();
        chunks++;
        walk(sub, descriptions.ofSubChunk(type, sub.type()).orElse(null), data, base, depth + 1);
      }
    }
  }
}

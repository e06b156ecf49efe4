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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Walks one file chunk by chunk, at every depth where a description says where the sub-chunks
 * begin, and reports each chunk as it comes, in memory that does not grow with the file: a
 * top-level chunk is held only where a description prints its fields, within the reader's
 * limits; any other is streamed through its CRC, keeping what its preview prints. A chunkstate
 * stream is first checked as a reader checks it ({@link ReaderCheck}): that check decides the
 * verdict, with the reader's kind, offset and path; the walk ends at {@code CEND}, as a reader
 * does. A PNG is walked with {@link Signature#PNG} and held to the rule that {@code IEND} ends it,
 * as {@code pngcheck} does.
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
    descriptions = png ? given : StreamDescriptions.after(given, file, check.options());
    ChunkStreamException decided = png ? null : check.check(file);
    Walk walk = new Walk(png, decided);
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
    private final ChunkStreamException decided;
    long chunks;
    ChunkStreamException problem;

    Walk(boolean png, ChunkStreamException decided) {
      this.png = png;
      this.decided = decided;
    }

    void run(InputStream in, long size) throws IOException {
      try (ChunkInput input = ChunkInput.open(in, png ? Signature.PNG : Signature.CHUNKSTATE)) {
        ChunkInput.Header header;
        while ((header = input.nextHeader()) != null) {
          top(input, header);
          if (png && header.type().equals(IEND)) {
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
          if (!png && header.type().equals(ChunkType.CEND)) {
            if (header.length() == 0) {
              input.requireEnd(); // TRAILING_DATA at the first byte after CEND, as the reader's
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

    /** Reports {@code e}, in the reader's words where the reader found the same problem. */
    private void fail(ChunkStreamException e) {
      problem = decided != null && same(decided, e) ? decided : e;
      report.problem(problem);
    }

    /**
     * Reads the data of the top-level chunk whose header {@code input} has just read, counts it
     * once its CRC is checked, and lists it.
     */
    private void top(ChunkInput input, ChunkInput.Header header) throws IOException {
      ChunkType type = header.type();
      TypeDescription described =
          png ? null : type.equals(ChunkType.CHDR) ? CHDR : descriptions.ofType(type).orElse(null);
      if (described == null) {
        Glimpse data = new Glimpse();
        input.copyData(data);
        chunks++;
        report.chunk(
            new Report.Listed(
                0, type.code(), header.offset(), header.length(), type, List.of(),
                data.preview(header.length()), "", data.crc()));
        return;
      }
      RawChunk chunk = ReaderCheck.hold(input, header, check.options());
      chunks++;
      byte[] data = chunk.data();
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

  /**
   * What the listing keeps of a chunk's data that it streams rather than holds: the CRC-32 of the
   * data, to compare two chunks, and the bytes its hex preview prints.
   */
  private static final class Glimpse extends OutputStream {
    private final CRC32 crc = new CRC32();
    private final byte[] head = new byte[Quote.PREVIEW_BYTES];
    private int kept;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      crc.update(b, off, len);
      int n = Math.min(len, head.length - kept);
      System.arraycopy(b, off, head, kept, n);
      kept += n;
    }

    int crc() {
      return (int) crc.getValue();
    }

    /** The hex preview of the data, {@code length} bytes in all. */
    String preview(int length) {
      return Quote.hexPreview(head, 0, length);
    }
  }
}

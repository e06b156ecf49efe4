package io.chunkstate.cli;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateStream;
import io.chunkstate.framing.ChunkEditor;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.Layouts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reader's full check of a chunkstate stream, streamed, in memory bounded by its largest
 * chunk. With codecs, a {@link StateStream} decodes every state; with descriptions only, a {@link
 * ChunkEditor} over their {@link Layouts} checks framing, structure and every sub-chunk a
 * description reaches, and refuses critical chunks that none describes; with neither, the
 * framing and the structure of SPEC §1–3, every critical chunk taken as understood.
 */
final class ReaderCheck {
  // How a command line raises the read's allocation budget, which is a quarter of the heap.
  private static final String HEAP_ADVICE = "a quarter of the heap; raise it with java -Xmx";

  /**
   * Without descriptions: critical chunks taken as understood and opaque (copied whole, their
   * sub-chunks not walked), ancillary ones as unknown, so the copy rules apply to them.
   */
  private static final ChunkEditor.Structure CRITICAL_OPAQUE =
      new ChunkEditor.Structure() {
        @Override
        public boolean knows(ChunkType type) {
          return type.isCritical();
        }

        @Override
        public int inlineLength(RawChunk chunk, String path) {
          return chunk.length();
        }
      };

  private final Descriptions descriptions;
  private final ReadOptions options;

  ReaderCheck(Descriptions descriptions, ReadOptions options) {
    this.descriptions = descriptions;
    this.options = options;
  }

  /**
   * What an editor knows of the chunks {@code descriptions} describe: their layouts, or without
   * any, every critical chunk as an opaque one (an editor with no descriptions still copies a
   * stream, and applies the copy rules to its ancillary chunks).
   */
  static ChunkEditor.Structure structure(Descriptions descriptions) {
    return descriptions.types().isEmpty() ? CRITICAL_OPAQUE : Layouts.of(descriptions.types());
  }

  /** The reader's options, whose limits bound what the inspector holds too. */
  ReadOptions options() {
    return options;
  }

  /**
   * Reads whole the data of the chunk whose header {@code input} has just read, for a command that
   * must hold it (to decode a described chunk), within the reader's limits of {@code options}:
   * the longest chunk the read decodes, and its allocation budget.
   *
   * @throws ChunkStreamException {@code LIMIT} at the chunk, its data left unread, for a chunk
   *     longer than either; or the problem of its data, as {@link ChunkInput#readData()}
   */
  static RawChunk hold(ChunkInput input, ChunkInput.Header header, ReadOptions options)
      throws IOException {
    String past = null;
    if (header.length() > options.maxChunkLength()) {
      past = "is longer than the " + options.maxChunkLength() + " the read decodes"
          + " (--max-chunk-length)";
    } else if (header.length() > options.allocationBudget()) {
      past = "is past the allocation budget of " + options.allocationBudget()
          + " bytes to hold it whole, " + HEAP_ADVICE;
    }
    if (past != null) {
      throw new ChunkStreamException(
          ChunkStreamException.Kind.LIMIT,
          header.offset(),
          header.type().code(),
          "the chunk's data of " + header.length() + " bytes " + past);
    }
    return input.readData();
  }

  /** What a check without descriptions leaves out, for the report. */
  String scope() {
    if (descriptions.registry().isPresent()) {
      return "full read with the codecs of " + descriptions.source();
    }
    return descriptions.types().isEmpty()
        ? "framing and structure only (no descriptions)"
        : "framing, structure and layouts from " + descriptions.source();
  }

  /** The first problem in {@code file}, as a reader reports it, or {@code null}. */
  ChunkStreamException check(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return check(in);
    }
  }

  /** The first problem in the stream {@code in} holds, read to its end, or {@code null}. */
  ChunkStreamException check(InputStream in) throws IOException {
    try {
      Optional<ChunkRegistry> registry = descriptions.registry();
      if (registry.isPresent()) {
        try (StateStream stream = StateStream.open(in, registry.get(), options)) {
          while (stream.next()) {
            stream.state();
          }
        }
      } else {
        ChunkEditor.of(Signature.CHUNKSTATE, structure(descriptions))
            .copy(in, OutputStream.nullOutputStream(), options.allocationBudget());
      }
      return null;
    } catch (ChunkStreamException e) {
      return inCommandLineTerms(e);
    }
  }

  /**
   * {@code e}, with a budget's advice on how to raise it, which names the library's API, turned
   * into the command line's: the budget is a quarter of the heap, which {@code java -Xmx} sets.
   */
  private static ChunkStreamException inCommandLineTerms(ChunkStreamException e) {
    String advice = "; raise it with ";
    int at = e.detail().indexOf(advice);
    if (e.kind() != ChunkStreamException.Kind.LIMIT || at < 0) {
      return e;
    }
    return new ChunkStreamException(
        e.kind(),
        e.offset(),
        e.path(),
        e.detail().substring(0, at) + ", " + HEAP_ADVICE);
  }
}

package io.chunkstate.hardening;

import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chunk as a tree: its type, its inline bytes, and its sub-chunks, found in a written stream
 * without knowing the schema. Chunks can be inserted anywhere in the tree, and writing it back
 * frames every chunk anew, so the lengths and CRCs of the parents of an inserted chunk stay right.
 */
final class ChunkTree {
  final ChunkType type;
  final byte[] inline;
  final List<ChunkTree> subChunks;
  /** Whether this chunk was inserted, to be skipped by a reader that does not know its type. */
  final boolean inserted;

  private ChunkTree(ChunkType type, byte[] inline, List<ChunkTree> subChunks, boolean inserted) {
    this.type = type;
    this.inline = inline;
    this.subChunks = subChunks;
    this.inserted = inserted;
  }

  /** A chunk to insert: {@code data} under {@code type}, with no sub-chunks of its own. */
  static ChunkTree unknown(ChunkType type, byte[] data) {
    return new ChunkTree(type, data, new ArrayList<>(), true);
  }

  /** The top-level chunks of a stream (after the signature), each with its sub-chunks. */
  static List<ChunkTree> parse(byte[] stream) {
    List<ChunkTree> chunks = new ArrayList<>();
    for (Corpus.Span span : Corpus.spans(stream, 8, stream.length)) {
      chunks.add(parse(stream, span));
    }
    return chunks;
  }

  private static ChunkTree parse(byte[] bytes, Corpus.Span span) {
    int dataStart = span.start() + 8;
    int dataEnd = dataStart + span.length();
    List<Corpus.Span> subs = Corpus.subChunks(bytes, dataStart, dataEnd);
    int inlineEnd = subs.isEmpty() ? dataEnd : subs.get(0).start();
    List<ChunkTree> children = new ArrayList<>();
    for (Corpus.Span sub : subs) {
      children.add(parse(bytes, sub));
    }
    return new ChunkTree(
        span.type(), Arrays.copyOfRange(bytes, dataStart, inlineEnd), children, false);
  }

  /** This chunk and every chunk inside it that is not an inserted one, outermost first. */
  List<ChunkTree> parents() {
    List<ChunkTree> out = new ArrayList<>();
    if (!inserted) {
      out.add(this);
      for (ChunkTree sub : subChunks) {
        out.addAll(sub.parents());
      }
    }
    return out;
  }

  /**
   * Writes {@code chunks} after {@code head} (the signature and {@code CHDR}), and records each
   * inserted chunk in {@code skipped} as a reader reports it: type, offset, data length, path.
   */
  static byte[] write(byte[] head, List<ChunkTree> chunks, List<SkippedChunk> skipped) {
    WireWriter out = new WireWriter();
    out.writeRaw(head, 0, head.length);
    for (ChunkTree chunk : chunks) {
      chunk.write(out, "", skipped);
    }
    return out.toByteArray();
  }

  private void write(WireWriter out, String parentPath, List<SkippedChunk> skipped) {
    String path = parentPath.isEmpty() ? type.code() : parentPath + "/" + type.code();
    int offset = out.size();
    int mark = out.beginChunk(type);
    out.writeRaw(inline, 0, inline.length);
    for (ChunkTree sub : subChunks) {
      sub.write(out, path, skipped);
    }
    out.endChunk(mark);
    if (inserted) {
      skipped.add(new SkippedChunk(type, offset, out.size() - offset - 12, path));
    }
  }
}

package io.chunkstate.framing;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.SkippedChunk;
import io.chunkstate.internal.Errors;
import io.chunkstate.internal.Frame;
import io.chunkstate.internal.FrameReader;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Header;
import io.chunkstate.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Copies a stream while it removes, replaces and inserts chunks at any depth, by the copy rules of
 * SPEC §2, and frames every chunk it changes anew: a parent whose sub-chunks change gets a new
 * length and CRC, and everything else is copied byte for byte, in the order it came.
 *
 * <pre>{@code
 * ChunkEditor editor = ChunkEditor.of(Signature.CHUNKSTATE, Layouts.of(descriptions))
 *     .remove(ChunkPath.parse("PcIs/MsXs"))                    // the first PcIs's MsXs
 *     .append(ChunkPath.parse("PcIs[1]"), ChunkType.of("stAt"), statsData)
 *     .stripAncillary();
 * List<SkippedChunk> dropped = editor.copy(in, out);
 * }</pre>
 *
 * <p>An editor is immutable: each edit returns a new editor, and one editor may copy any number of
 * streams, from several threads at once. Edits are checked against one another and against the
 * {@link Structure} when they are made, and a contradiction (an edit below a chunk another edit
 * removes, an edit below a chunk whose data the editor does not parse) is an {@code
 * IllegalArgumentException} there, before any stream is read.
 *
 * <p><b>What the editor knows.</b> A chunk is <i>known</i> when the {@link Structure} knows its
 * type and its reserved bit is clear (SPEC §2: a reserved-bit code is unknown, whatever else is
 * known of it). The editor walks the sub-chunks of a known chunk; it never parses the data of an
 * unknown one. {@code CHDR} and {@code CEND} are the format's own: in a chunkstate stream they are
 * checked as a reader checks them and always copied; they cannot be edited.
 *
 * <p><b>The copy rules</b>, for every chunk of the input at every depth that no edit names:
 *
 * <ul>
 *   <li>a known chunk is copied, after the rules are applied to its sub-chunks;
 *   <li>an unknown critical chunk stops the copy: {@code UNKNOWN_CRITICAL}, naming its offset and
 *       path;
 *   <li>an unknown ancillary chunk that is safe to copy is copied byte for byte;
 *   <li>an unknown ancillary chunk that is unsafe to copy is copied byte for byte if the edits
 *       change no critical chunk, and dropped (and reported) if they do.
 * </ul>
 *
 * <p><b>A critical change</b> is decided from the edits, before a byte is copied, so that it
 * holds for the whole stream, chunks before the change included: {@link #changesCritical()} is
 * true if an edit removes or replaces a chunk of a critical type, inserts a chunk of a critical
 * type, or removes every chunk of a critical type (whether or not the stream holds one). A chunk
 * counts by its own type only: replacing an ancillary sub-chunk of a critical parent changes the
 * parent's length and CRC but not its inline data, and is no critical change; the new data of a
 * replaced chunk is the caller's and is not compared with the old. Dropping an unknown
 * unsafe-to-copy chunk changes no critical chunk.
 *
 * <p><b>Failures.</b> The input is checked as a reader checks it: the signature, every CRC and
 * length at every depth, nesting, and for a chunkstate stream {@code CHDR} first, {@code CEND}
 * last and nothing after it; a damaged stream fails with the {@link ChunkStreamException} a
 * reader raises. The data of removed, replaced and unknown chunks is checked only to its own CRC,
 * as a reader checks a chunk it skips. An edit that addresses a chunk the stream does not hold
 * fails with {@code NoSuchElementException}. On any failure the output holds what was copied so
 * far and never the stream's last chunk ({@code CEND}): no reader takes it for a complete stream.
 *
 * <p><b>Memory.</b> The input is read once. A chunk that is copied unchanged without being walked
 * (an unknown one) or left out (removed, replaced, dropped) passes in constant memory; a known
 * top-level chunk is held while its sub-chunks are walked, with its rebuilt copy. What the editor
 * holds is bounded by the largest chunk, not by the stream. From an {@code InputStream}, a held
 * chunk is buffered within an allocation budget, as {@link ChunkInput} buffers it (by default a
 * quarter of the heap; {@link #copy(InputStream, OutputStream, long)} sets it): a known chunk too
 * large for it fails the copy with {@code LIMIT} at its offset and path.
 */
public final class ChunkEditor {
  /**
   * What the editor knows of chunk types: which ones it understands, and where the sub-chunks of
   * a known chunk begin. {@code io.chunkstate.schema.Layouts} builds one from the descriptions of
   * generated codecs.
   */
  public interface Structure {
    /** Whether chunks of {@code type} are understood, so that their sub-chunks are walked. */
    boolean knows(ChunkType type);

    /**
     * The length of the inline fields of {@code chunk}, a chunk of a known type: where its
     * sub-chunks begin.
     *
     * @param path the chunk's path from the top level ({@code PcIs/MsXs}), for errors
     * @throws ChunkStreamException if the data does not hold the type's inline fields, at the
     *     chunk's offset and path
     */
    int inlineLength(RawChunk chunk, String path) throws ChunkStreamException;

    /**
     * What is known of the sub-chunks of a known chunk of type {@code parent}: this structure, but
     * for the sub-chunk codes that the parent's fields declare (SPEC §4), which mean their structs
     * under that parent only.
     */
    default Structure inside(ChunkType parent) {
      return this;
    }

    /** A structure that knows {@code types}, whose data is all inline: for a PNG's chunks. */
    static Structure withoutSubChunks(Collection<ChunkType> types) {
      Set<ChunkType> known = Set.copyOf(types);
      return new Structure() {
        @Override
        public boolean knows(ChunkType type) {
          return known.contains(type);
        }

        @Override
        public int inlineLength(RawChunk chunk, String path) {
          return chunk.length();
        }
      };
    }
  }

  private enum Op {
    REMOVE,
    REPLACE,
    INSERT_BEFORE,
    INSERT_AFTER,
    APPEND;

    boolean takesChunk() {
      return this == REMOVE || this == REPLACE;
    }
  }

  /** One edit: at {@code at}, a chunk of {@code type} with {@code data} (for inserts). */
  private record Edit(Op op, ChunkPath at, ChunkType type, byte[] data) {}

  private final Signature signature;
  private final Structure structure;
  private final List<Edit> edits;
  private final Set<ChunkType> removedTypes;
  private final boolean stripAncillary;
  private final boolean changesCritical;

  private ChunkEditor(
      Signature signature,
      Structure structure,
      List<Edit> edits,
      Set<ChunkType> removedTypes,
      boolean stripAncillary) {
    this.signature = signature;
    this.structure = structure;
    this.edits = edits;
    this.removedTypes = removedTypes;
    this.stripAncillary = stripAncillary;
    check();
    this.changesCritical =
        edits.stream()
                .anyMatch(e -> (e.op.takesChunk() ? e.at.type() : e.type).isCritical())
            || removedTypes.stream().anyMatch(ChunkType::isCritical);
  }

  /**
   * An editor, without edits yet, of streams that open with {@code signature}, which understands
   * the chunks {@code structure} knows. With {@link Signature#CHUNKSTATE} it holds the stream to
   * SPEC §3 ({@code CHDR} first, {@code CEND} last); with any other signature it knows no chunk of
   * its own and the stream ends where the input ends.
   */
  public static ChunkEditor of(Signature signature, Structure structure) {
    return new ChunkEditor(
        Objects.requireNonNull(signature, "signature"),
        Objects.requireNonNull(structure, "structure"),
        List.of(),
        Set.of(),
        false);
  }

  /** Removes the chunk at {@code chunk}, with everything it holds. */
  public ChunkEditor remove(ChunkPath chunk) {
    return with(new Edit(Op.REMOVE, chunk, null, null));
  }

  /**
   * Replaces the data of the chunk at {@code chunk}, sub-chunks included, with {@code data},
   * which is written as it is: its sub-chunks must be framed by the caller.
   */
  public ChunkEditor replace(ChunkPath chunk, byte[] data) {
    return with(new Edit(Op.REPLACE, chunk, null, data.clone()));
  }

  /** Inserts a chunk of type {@code type} with data {@code data} just before {@code chunk}. */
  public ChunkEditor insertBefore(ChunkPath chunk, ChunkType type, byte[] data) {
    return with(new Edit(Op.INSERT_BEFORE, chunk, Objects.requireNonNull(type), data.clone()));
  }

  /** Inserts a chunk of type {@code type} with data {@code data} just after {@code chunk}. */
  public ChunkEditor insertAfter(ChunkPath chunk, ChunkType type, byte[] data) {
    return with(new Edit(Op.INSERT_AFTER, chunk, Objects.requireNonNull(type), data.clone()));
  }

  /**
   * Inserts a chunk of type {@code type} with data {@code data} as the last sub-chunk of the
   * known chunk {@code parent}; with {@link ChunkPath#ROOT}, as the last top-level chunk (before
   * {@code CEND} in a chunkstate stream). Chunks appended to one parent keep the order of the
   * calls.
   */
  public ChunkEditor append(ChunkPath parent, ChunkType type, byte[] data) {
    return with(new Edit(Op.APPEND, parent, Objects.requireNonNull(type), data.clone()));
  }

  /** Removes every chunk of type {@code type} the input holds, at any depth. */
  public ChunkEditor removeAll(ChunkType type) {
    Set<ChunkType> types = new HashSet<>(removedTypes);
    types.add(Objects.requireNonNull(type, "type"));
    return new ChunkEditor(signature, structure, edits, Set.copyOf(types), stripAncillary);
  }

  /** Removes every ancillary chunk the input holds, known or not, at any depth. */
  public ChunkEditor stripAncillary() {
    return new ChunkEditor(signature, structure, edits, removedTypes, true);
  }

  /**
   * Whether the edits change a critical chunk, so that unknown unsafe-to-copy chunks are dropped
   * from the whole stream (see the class comment for what counts).
   */
  public boolean changesCritical() {
    return changesCritical;
  }

  /**
   * Copies the stream {@code in} holds to {@code out} with the edits made, reading {@code in} to
   * its end. Neither stream is closed; {@code out} is flushed.
   *
   * @return the unknown unsafe-to-copy chunks that were dropped because a critical chunk changed,
   *     in stream order, with their offsets and paths in the input
   * @throws ChunkStreamException if the input breaks the format, or holds an unknown critical
   *     chunk ({@code UNKNOWN_CRITICAL}), or a known chunk whose buffer would pass the default
   *     allocation budget, a quarter of the heap ({@code LIMIT})
   * @throws NoSuchElementException if an edit addresses a chunk the input does not hold
   * @throws IOException if either stream fails
   */
  public List<SkippedChunk> copy(InputStream in, OutputStream out) throws IOException {
    return copy(in, out, Limits.defaultAllocationBudget());
  }

  /**
   * Copies the stream {@code in} holds to {@code out} with the edits made, as {@link
   * #copy(InputStream, OutputStream)} does, buffering each chunk it holds within {@code
   * allocationBudget} bytes.
   *
   * @return what {@link #copy(InputStream, OutputStream)} returns
   * @throws ChunkStreamException as {@link #copy(InputStream, OutputStream)} does, and {@code
   *     LIMIT} at a chunk it must hold that would pass the budget; {@code out} then holds no {@code
   *     CEND}
   * @throws IllegalArgumentException if {@code allocationBudget} is not positive
   */
  public List<SkippedChunk> copy(InputStream in, OutputStream out, long allocationBudget)
      throws IOException {
    FrameReader frames =
        ChunkInput.frames(
            in, signature, allocationBudget, "ChunkEditor.copy(in, out, allocationBudget)");
    return new Copy(frames, out).run();
  }

  /**
   * Copies the stream in {@code in} to {@code out} with the edits made, as {@link
   * #copy(InputStream, OutputStream)} does; the input's chunks are read in place.
   */
  public List<SkippedChunk> copy(byte[] in, OutputStream out) throws IOException {
    return new Copy(FrameReader.open(in, signature.raw()), out).run();
  }

  private ChunkEditor with(Edit edit) {
    Objects.requireNonNull(edit.at, "path");
    List<Edit> more = new ArrayList<>(edits);
    more.add(edit);
    return new ChunkEditor(signature, structure, List.copyOf(more), removedTypes, stripAncillary);
  }

  private boolean knows(ChunkType type) {
    return knows(structure, type);
  }

  private static boolean knows(Structure scope, ChunkType type) {
    return !type.isReservedBitSet() && scope.knows(type);
  }

  private boolean filtered(ChunkType type) {
    return removedTypes.contains(type) || (stripAncillary && type.isAncillary());
  }

  private boolean isStreamCode(ChunkType type) {
    return signature.equals(Signature.CHUNKSTATE) && Framing.isStreamCode(type.value());
  }

  // ---- checks of the edits, when they are made ----

  private void check() {
    for (ChunkType type : removedTypes) {
      checkTarget(structure, type, "removeAll");
    }
    for (Edit edit : edits) {
      check(edit);
      for (Edit other : edits) {
        if (other != edit && edit.op.takesChunk() && other.at.startsWith(edit.at)) {
          boolean same = other.at.equals(edit.at);
          if (same && other.op.takesChunk()) {
            throw refused(edit, "another edit already removes or replaces that chunk");
          }
          if (!same || other.op == Op.APPEND) {
            throw refused(other, "the chunk it goes into is removed or replaced by another edit");
          }
        }
      }
    }
  }

  private void check(Edit edit) {
    ChunkPath at = edit.at;
    if (at.depth() > Limits.MAX_NESTING + 1) {
      throw refused(edit, "sub-chunks nest at most " + Limits.MAX_NESTING + " levels (SPEC §4)");
    }
    int parents = edit.op == Op.APPEND ? at.depth() : at.depth() - 1;
    if (parents < 0) {
      throw refused(edit, "the root path addresses no chunk");
    }
    Structure scope = structure;
    for (int level = 0; level < parents; level++) {
      ChunkType parent = at.type(level);
      if (!knows(scope, parent) || isStreamCode(parent)) {
        throw refused(edit, "the editor does not parse the data of " + parent.code()
            + ", which it does not know");
      }
      if (filtered(parent)) {
        throw refused(edit, parent.code() + " is removed by removeAll or stripAncillary");
      }
      scope = scope.inside(parent);
    }
    if (edit.op != Op.APPEND) {
      ChunkType target = at.type();
      boolean besideStreamCode =
          isStreamCode(target)
              && at.depth() == 1
              && (edit.op == Op.INSERT_AFTER && target.equals(ChunkType.CHDR)
                  || edit.op == Op.INSERT_BEFORE && target.equals(ChunkType.CEND));
      if (!besideStreamCode) {
        checkTarget(scope, target, edit.op.name().toLowerCase(Locale.ROOT));
      }
      if (edit.op.takesChunk() && filtered(target)) {
        throw refused(edit, target.code() + " is removed by removeAll or stripAncillary");
      }
    }
    if (edit.type != null) {
      if (isStreamCode(edit.type)) {
        throw refused(edit, "CHDR and CEND are the format's own: they cannot be inserted");
      }
      if (filtered(edit.type)) {
        throw refused(edit, "it inserts " + edit.type.code()
            + ", which removeAll or stripAncillary removes");
      }
    }
  }

  /** Checks a type that an edit removes or stands beside. */
  private void checkTarget(Structure scope, ChunkType type, String what) {
    if (isStreamCode(type)) {
      throw new IllegalArgumentException(
          what + " " + type.code() + ": CHDR and CEND are the format's own and always copied");
    }
    if (type.isCritical() && !knows(scope, type)) {
      throw new IllegalArgumentException(
          what + " " + type.code() + ": the editor stops at a critical chunk it does not know"
              + (type.isReservedBitSet() ? " (its reserved bit is set)" : ""));
    }
  }

  private static IllegalArgumentException refused(Edit edit, String why) {
    return new IllegalArgumentException(
        edit.op.name().toLowerCase(Locale.ROOT) + " at "
            + (edit.at.depth() == 0 ? "the top level" : edit.at.toString()) + ": " + why);
  }

  // ---- the copy ----

  /** What becomes of one chunk of the input. */
  private enum Action {
    REMOVE,
    REPLACE,
    WALK,
    COPY,
    DROP,
    STOP
  }

  /** The edits that concern one chunk of the input (or the root), and those below it. */
  private static final class Node {
    final ChunkPath path;
    final Map<ChunkPath, Node> children = new HashMap<>();
    final List<Edit> before = new ArrayList<>();
    final List<Edit> after = new ArrayList<>();
    final List<Edit> appended = new ArrayList<>();
    Edit change;
    boolean found;
    // The input's chunks of each type under this one so far, for the indexes of its children.
    private Map<Integer, Integer> counts;

    Node(ChunkPath path) {
      this.path = path;
    }

    Node at(ChunkPath target) {
      Node node = this;
      for (int level = 0; level < target.depth(); level++) {
        ChunkPath step = node.path.child(target.type(level), target.index(level));
        node = node.children.computeIfAbsent(step, Node::new);
      }
      return node;
    }

    /** The node of the next input chunk of type {@code type} under this one, or null. */
    Node next(ChunkType type) {
      if (children.isEmpty()) {
        return null;
      }
      if (counts == null) {
        counts = new HashMap<>();
      }
      int index = counts.merge(type.value(), 1, Integer::sum) - 1;
      return children.get(path.child(type, index));
    }

    /** Checks that every edit below this node found its chunk. */
    void requireFound() {
      for (Node child : children.values()) {
        if (!child.found) {
          throw new NoSuchElementException(
              "the stream holds no chunk " + child.path + " for an edit to address");
        }
      }
    }
  }

  /** One copy of one stream. */
  private final class Copy {
    private final FrameReader in;
    private final OutputStream sink;
    private final Node root = new Node(ChunkPath.ROOT);
    private final List<SkippedChunk> dropped = new ArrayList<>();
    private final ChunkBuffer buffer = new ChunkBuffer();

    Copy(FrameReader in, OutputStream sink) {
      this.in = in;
      this.sink = Objects.requireNonNull(sink, "out");
      for (Edit edit : edits) {
        Node node = root.at(edit.at);
        switch (edit.op) {
          case REMOVE, REPLACE -> node.change = edit;
          case INSERT_BEFORE -> node.before.add(edit);
          case INSERT_AFTER -> node.after.add(edit);
          case APPEND -> node.appended.add(edit);
        }
      }
    }

    List<SkippedChunk> run() throws IOException {
      ChunkOutput output = ChunkOutput.open(sink, signature);
      boolean chunkstate = signature.equals(Signature.CHUNKSTATE);
      boolean first = true;
      while (true) {
        long at = in.position();
        if (!in.nextHeader()) {
          if (chunkstate) {
            throw Errors.truncated(
                at,
                "",
                first
                    ? "the stream ends after the signature, where CHDR should begin"
                    : "the stream ends where a chunk should begin, without CEND");
          }
          end(output);
          return dropped;
        }
        ChunkType type = ChunkType.of(in.pendingType());
        if (chunkstate) {
          if (first != type.equals(ChunkType.CHDR)) {
            in.skipData(); // a damaged chunk is a CRC error first, whatever its type
            throw Errors.structure(
                in.pendingStart(),
                type.code(),
                first ? "the first chunk must be CHDR, found " + type.code()
                    : "CHDR appears a second time");
          }
          if (first) {
            Frame header = in.readData();
            Header.read(header);
            output.write(type, header.array(), header.dataOffset(), header.length());
            first = false;
            continue;
          }
          if (type.equals(ChunkType.CEND)) {
            in.skipData();
            if (in.pendingLength() != 0) {
              throw Errors.structure(
                  in.pendingStart(),
                  "CEND",
                  "CEND must have no data, but has length " + in.pendingLength());
            }
            in.requireEnd();
            end(output);
            output.write(ChunkType.CEND, new byte[0]);
            output.flush();
            return dropped;
          }
        }
        first = false;
        topLevel(output, type);
      }
    }

    /** Writes what goes at the end of the top level, once every edit has found its chunk. */
    private void end(ChunkOutput output) throws IOException {
      root.requireFound();
      for (Edit edit : root.appended) {
        output.write(edit.type, edit.data);
      }
      output.flush();
    }

    private void topLevel(ChunkOutput output, ChunkType type) throws IOException {
      Node node = root.next(type);
      long offset = in.pendingStart();
      int length = in.pendingLength();
      if (node != null) {
        for (Edit edit : node.before) {
          output.write(edit.type, edit.data);
        }
      }
      switch (decide(node, type, structure)) {
        case REMOVE -> in.skipData();
        case REPLACE -> {
          in.skipData();
          output.write(type, node.change.data);
        }
        case WALK -> {
          Frame chunk = in.readData();
          buffer.reset();
          walk(chunk.array(), chunk.dataOffset(), chunk.length(), type, offset, type.code(), 0,
              node, structure);
          output.write(type, buffer.array(), 0, buffer.size());
        }
        case COPY -> output.copy(in);
        case DROP -> {
          in.skipData();
          dropped.add(new SkippedChunk(type, offset, length, type.code()));
        }
        case STOP -> {
          in.skipData(); // a damaged chunk is a CRC error first
          throw Errors.unknownCritical(type, offset, type.code());
        }
      }
      if (node != null) {
        for (Edit edit : node.after) {
          output.write(edit.type, edit.data);
        }
      }
    }

    /**
     * Writes the data of the known chunk of type {@code type} whose data is {@code buf[start,
     * start + length)} to the buffer: its inline fields as they are, then each sub-chunk by the
     * edits and the copy rules.
     */
    private void walk(
        byte[] buf, int start, int length, ChunkType type, long offset, String path, int depth,
        Node node, Structure scope)
        throws ChunkStreamException {
      int inline = scope.inlineLength(RawChunk.wrap(type, offset, buf, start, length), path);
      Structure inner = scope.inside(type);
      if (inline < 0 || inline > length) {
        throw Errors.length(
            offset,
            path,
            "the inline fields of " + type.code() + " take " + inline + " bytes, but its data has "
                + length + Errors.layoutHint(path));
      }
      buffer.write(buf, start, inline);
      int limit = start + length;
      for (int pos = start + inline; pos < limit; ) {
        int subLength =
            Framing.checkSubChunk(buf, start, pos, limit, offset, path, depth, Limits.MAX_NESTING);
        ChunkType subType = ChunkType.of(Framing.getInt(buf, pos + 4));
        long subOffset = offset + 8 + (pos - start);
        String subPath = path + "/" + subType.code();
        Node child = node == null ? null : node.next(subType);
        if (child != null) {
          writeAll(child.before);
        }
        switch (decide(child, subType, inner)) {
          case REMOVE -> {}
          case REPLACE -> buffer.chunk(subType.value(), child.change.data);
          case WALK -> {
            int mark = buffer.begin(subType.value());
            walk(buf, pos + 8, subLength, subType, subOffset, subPath, depth + 1, child, inner);
            buffer.end(mark);
          }
          case COPY -> buffer.write(buf, pos, Framing.OVERHEAD + subLength);
          case DROP -> dropped.add(new SkippedChunk(subType, subOffset, subLength, subPath));
          case STOP -> throw Errors.unknownCritical(subType, subOffset, subPath);
        }
        if (child != null) {
          writeAll(child.after);
        }
        pos += Framing.OVERHEAD + subLength;
      }
      if (node != null) {
        node.requireFound();
        writeAll(node.appended);
      }
    }

    private void writeAll(List<Edit> inserts) {
      for (Edit edit : inserts) {
        buffer.chunk(edit.type.value(), edit.data);
      }
    }

    /** The edit of a chunk, or else the copy rules of SPEC §2. */
    private Action decide(Node node, ChunkType type, Structure scope) {
      if (node != null) {
        node.found = true;
        if (node.change != null) {
          return node.change.op == Op.REMOVE ? Action.REMOVE : Action.REPLACE;
        }
      }
      if (filtered(type)) {
        return Action.REMOVE;
      }
      if (knows(scope, type)) {
        return Action.WALK;
      }
      if (type.isCritical()) {
        return Action.STOP;
      }
      return changesCritical && !type.isSafeToCopy() ? Action.DROP : Action.COPY;
    }
  }
}

package io.chunkstate;

import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Budget;
import io.chunkstate.internal.Errors;
import io.chunkstate.internal.Frame;
import io.chunkstate.internal.FrameReader;
import io.chunkstate.internal.Framing;
import io.chunkstate.internal.Header;
import io.chunkstate.internal.ReadDeadline;
import io.chunkstate.schema.Compatibility;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.internal.Scope;
import io.chunkstate.wire.WireReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Reads a state stream one top-level chunk at a time, for streams too large to hold: each chunk
 * is checked (framing, CRC, every sub-chunk) and handed to the caller as it arrives, decoded or
 * raw, and what the reader holds is bounded by the largest chunk, not by the stream. {@link
 * StateReader#read} is built on it.
 *
 * <pre>{@code
 * try (StateStream stream = StateStream.open(in, registry)) {
 *   while (stream.next()) {
 *     if (stream.type().equals(PAGE)) {
 *       pages.write(stream.raw());            // bulk data, without decoding
 *     } else {
 *       staged.add(stream.state());           // a device, decoded and checked
 *     }
 *   }
 *   // Only now is the stream known to be complete: CEND, and nothing after it.
 * }
 * }</pre>
 *
 * <p><b>The two outcomes, when reading a stream as it arrives.</b> The caller sees chunks before
 * the stream is known to be complete: a stream may still turn out to be cut short, damaged or to
 * hold an unknown critical chunk after the chunks already handed out. Until {@link #next()} has
 * returned {@code false} the caller must not act on what it has seen in a way it cannot undo: a
 * migration destination writes pages into a machine that is not running, and stages devices, and
 * only starts the machine once the whole stream has ended well. {@link StateReader#read} does
 * exactly that for a stream that fits in memory.
 *
 * <p>Chunks the reader's registry does not know are handled by the rules of SPEC §2 as they come:
 * an unknown ancillary chunk is streamed through its CRC in constant memory and recorded in
 * {@link #skipped()}; an unknown critical chunk fails the read. {@code next()} stops only at
 * chunks that have a codec. A chunk that the caller neither decodes nor takes raw is still read
 * and checked when {@code next()} moves past it.
 *
 * <p>Limits come from {@link ReadOptions}: the allocation budget applies to each chunk in turn,
 * since the reader holds one chunk at a time; the timeout to the whole read. A stream is not safe
 * for use by several threads at once.
 */
public final class StateStream implements Closeable {
  private static final Access.Opener<WireReader> READERS = Access.opener(WireReader.class);
  private static final Access.Descriptions<List<TypeDescription>> DESCRIPTIONS =
      Access.descriptions(DescChunk.class);
  private static final byte[] SIGNATURE = Signature.CHUNKSTATE.bytes();
  private static final long SIGNATURE_VALUE = Framing.getLong(SIGNATURE, 0);
  private static final int CHDR = ChunkType.CHDR.value();
  private static final int CEND = ChunkType.CEND.value();

  static {
    Access.register(
        new Access.EmbeddedReads<StateStream, ChunkRegistry, ReadOptions>() {
          @Override
          public StateStream openEmbedded(
              InputStream in, ChunkRegistry registry, ReadOptions options) throws IOException {
            return open(in, registry, options, false, false);
          }

          @Override
          public long endOffset(StateStream stream) {
            if (!stream.complete) {
              throw new IllegalStateException("the read has not ended at CEND");
            }
            return stream.input.pendingStart(); // the last header read, CEND's
          }
        });
  }

  private final FrameReader input;
  private final ChunkRegistry registry;
  private final ReadOptions options;
  private final boolean wholeInput;
  private final ReadDeadline deadline;
  private final Budget budget;
  private final boolean perChunkBudget;
  private final Scope scope;
  private final WireReader topLevel;
  private Regular regular;
  private String producer;
  private int formatMinor;
  // The chunk next() stopped at: its codec, and whether its data has been read.
  private ChunkCodec<?> codec;
  private int codecType;
  private boolean pendingData;
  // Ended: complete (CEND, and the end of a whole input) or failed; next() reads no further.
  private boolean ended;
  private boolean complete;
  private long chunks;

  private StateStream(
      FrameReader input,
      ChunkRegistry registry,
      ReadOptions options,
      boolean wholeInput,
      ReadDeadline deadline,
      boolean perChunkBudget,
      Scope scope) {
    this.input = input;
    this.registry = registry;
    this.options = options;
    this.wholeInput = wholeInput;
    this.deadline = deadline;
    this.scope = scope;
    this.budget = scope.budget();
    this.perChunkBudget = perChunkBudget;
    this.topLevel = READERS.open(scope);
    input.chargeTo(budget);
  }

  /**
   * Opens a whole-input read of {@code in} with {@link ReadOptions#defaults()}: reads and checks
   * the signature and {@code CHDR}.
   *
   * @throws ChunkStreamException if the stream does not start as SPEC §3 requires
   * @throws IOException if {@code in} fails
   */
  public static StateStream open(InputStream in, ChunkRegistry registry) throws IOException {
    return open(in, registry, ReadOptions.defaults());
  }

  /**
   * Opens a whole-input read of {@code in} within the limits of {@code options}: after {@code
   * CEND}, the end of the input is checked too (SPEC §3).
   *
   * @throws ChunkStreamException if the stream does not start as SPEC §3 requires
   * @throws IOException if {@code in} fails
   */
  public static StateStream open(InputStream in, ChunkRegistry registry, ReadOptions options)
      throws IOException {
    return open(in, registry, options, true, true);
  }

  /**
   * Opens an embedded read of {@code in} within the limits of {@code options}: the stream ends
   * right after {@code CEND}'s CRC, and the bytes after it stay unread in {@code in} (SPEC §3).
   *
   * @throws ChunkStreamException if the stream does not start as SPEC §3 requires
   * @throws IOException if {@code in} fails
   */
  public static StateStream openEmbedded(
      InputStream in, ChunkRegistry registry, ReadOptions options) throws IOException {
    return open(in, registry, options, false, true);
  }

  /**
   * Opens a read of {@code bytes}, whose chunk data is decoded in place.
   *
   * @throws ChunkStreamException if the stream does not start as SPEC §3 requires
   */
  public static StateStream open(byte[] bytes, ChunkRegistry registry, ReadOptions options)
      throws ChunkStreamException {
    return open(bytes, registry, options, true);
  }

  static StateStream open(
      byte[] bytes, ChunkRegistry registry, ReadOptions options, boolean perChunkBudget)
      throws ChunkStreamException {
    requireArguments(bytes, "bytes", registry, options);
    try {
      FrameReader input = FrameReader.open(bytes, SIGNATURE);
      StateStream stream =
          new StateStream(
              input, registry, options, true, null, perChunkBudget, scope(options, input.crc()));
      stream.readHeader();
      return stream;
    } catch (ChunkStreamException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError(e); // a byte array source does no I/O
    }
  }

  static StateStream open(
      InputStream in,
      ChunkRegistry registry,
      ReadOptions options,
      boolean wholeInput,
      boolean perChunkBudget)
      throws IOException {
    requireArguments(in, "in", registry, options);
    ReadDeadline deadline =
        options.timeout() == null ? null : new ReadDeadline(in, options.timeout());
    try {
      FrameReader input =
          FrameReader.open(deadline == null ? in : deadline, SIGNATURE);
      StateStream stream =
          new StateStream(
              input,
              registry,
              options,
              wholeInput,
              deadline,
              perChunkBudget,
              scope(options, input.crc()));
      stream.readHeader();
      return stream;
    } catch (IOException e) {
      throw failed(deadline, e);
    } catch (RuntimeException | Error e) {
      failed(deadline, null);
      throw e;
    }
  }

  /** Refuses a null source, named {@code name}, registry or options, as every read does. */
  static void requireArguments(
      Object source, String name, ChunkRegistry registry, ReadOptions options) {
    Objects.requireNonNull(source, name);
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(options, "options");
  }

  /** The scope of a read within {@code options}, whose chunks are checked with {@code crc}. */
  static Scope scope(ReadOptions options, CRC32 crc) {
    return new Scope(null, options.allocationBudget(), options.maxNesting(), crc);
  }

  /** Where {@link #readInPlace} puts what it reads. */
  interface Reading {
    /** A state, decoded from the top-level chunk at stream offset {@code offset}. */
    void state(Object state, long offset);

    /**
     * The end of the stream, read well: its {@code CHDR}'s producer name and format minor
     * version, and the unknown chunks skipped, at every depth, in order.
     */
    void end(String producer, int formatMinor, List<SkippedChunk> skipped);
  }

  /**
   * Reads the whole-input stream in {@code bytes} in one loop over the array, without a stream
   * object, for as long as each chunk is one the loop reads whole: {@code CHDR}, then chunks
   * that have a codec, each decoded into {@code into} and charged {@code stateBytes}, then
   * {@code CEND} at the end of the array, each with its length, type, CRC and the limits of
   * {@code options} right. Returns null once it has read the stream so, and {@code into} has its
   * end, with the header. Otherwise returns a stream at the first chunk the loop left, with the
   * loop's budget and count of chunks: its {@link #nextState} reads the rest in its steps, which
   * say what is wrong with a chunk, and its {@link #producer()} is the stream's. The loop's checks
   * are those of the steps, all passed, and it decodes a chunk as {@link #nextState} does, with
   * the same errors; so the states and the errors are the steps' for every stream. For a small
   * stream, such as one device's state, the stream object and its frame reader cost more than the
   * chunks do. The budget covers the whole stream. The caller has checked the arguments
   * ({@link #requireArguments}).
   *
   * @throws ChunkStreamException for a {@code CHDR} or a chunk with a codec that breaks the
   *     format inside its data, as the steps would throw it
   */
  static StateStream readInPlace(
      byte[] bytes,
      ChunkRegistry registry,
      ReadOptions options,
      long stateBytes,
      Reading into)
      throws ChunkStreamException {
    int end = bytes.length;
    int at = SIGNATURE.length;
    CRC32 crc = Framing.newCrc();
    int length;
    if (end < at
        || Framing.getLong(bytes, 0) != SIGNATURE_VALUE
        || (length = Framing.checkedLength(bytes, at, end, crc)) < 0
        || Framing.getInt(bytes, at + 4) != CHDR
        || !withinLimits(options, 1, at, length)) {
      return open(bytes, registry, options, false); // its steps say what is wrong
    }
    Header.Declared declared = Header.read(bytes, at + 8, length, at);
    at += Framing.OVERHEAD + length;
    Scope scope = scope(options, crc);
    WireReader in = READERS.open(scope);
    long chunks = 1;
    int lastType = CHDR; // no codec is CHDR's
    ChunkCodec<?> lastCodec = null;
    // No chunk of the array can pass these limits unless the array itself does: each chunk ends
    // inside it and takes at least OVERHEAD bytes of it.
    boolean limited =
        end > options.maxTotalBytes()
            || end / Framing.OVERHEAD > options.maxChunks()
            || end > options.maxChunkLength();
    while ((length = Framing.checkedLength(bytes, at, end, crc)) >= 0) {
      if (limited
          && (length > options.maxChunkLength()
              || !withinLimits(options, chunks + 1, at, length))) {
        break;
      }
      int type = Framing.getInt(bytes, at + 4);
      if (type != lastType) { // a stream's chunks come in runs of one type: looked up once a run
        lastCodec = registry.codecFor(type);
        lastType = type;
      }
      ChunkCodec<?> codec = lastCodec;
      if (codec == null) {
        if (type == CEND && length == 0 && at + Framing.OVERHEAD == end) {
          // The skipped chunks are sub-chunks that codecs skipped.
          into.end(declared.producer(), declared.minor(), scope.skippedSoFar());
          return null;
        }
        break;
      }
      if (!scope.tryCharge(stateBytes)) {
        break;
      }
      chunks++;
      into.state(decode(codec, READERS.moveTo(in, bytes, at + 8, length, type, at)), at);
      at += Framing.OVERHEAD + length;
    }
    StateStream rest =
        new StateStream(
            FrameReader.resume(bytes, at, crc), registry, options, true, null, false, scope);
    rest.producer = declared.producer();
    rest.formatMinor = declared.minor();
    rest.chunks = chunks;
    return rest;
  }

  private void readHeader() throws IOException {
    if (!input.nextHeader()) {
      throw Errors.truncated(
          input.position(), "", "the stream ends after the signature, where CHDR should begin");
    }
    checkLimits();
    if (input.pendingType() != ChunkType.CHDR.value()) {
      input.skipData(); // a damaged chunk is a CRC error first, whatever its type
      throw Errors.structure(
          input.pendingStart(),
          ChunkType.render(input.pendingType()),
          "the first chunk must be CHDR, found " + ChunkType.render(input.pendingType()));
    }
    input.readDataTransient();
    Header.Declared declared =
        Header.read(
            input.dataArray(), input.dataOffset(), input.pendingLength(), input.pendingStart());
    producer = declared.producer();
    formatMinor = declared.minor();
  }

  /** The producer name from the stream's {@code CHDR}. */
  public String producer() {
    return producer;
  }

  /** The format minor version the stream declares. */
  public int formatMinor() {
    return formatMinor;
  }

  /**
   * Moves to the next top-level chunk that has a codec, skipping unknown ancillary chunks on the
   * way. Returns {@code false} once the stream has ended well: {@code CEND}, and for a
   * whole-input read the end of the input.
   *
   * @throws ChunkStreamException for any stream that breaks the format, up to the chunk reached
   * @throws java.io.InterruptedIOException if the options' timeout passed
   * @throws IOException if the input fails
   */
  public boolean next() throws IOException {
    if (ended) {
      return false;
    }
    try {
      if (pendingData) {
        input.skipData(); // a chunk the caller left alone is checked all the same
        pendingData = false;
      }
      while (true) {
        long at = input.position();
        if (!input.nextHeader()) {
          throw Errors.truncated(
              at, "", "the stream ends where a chunk should begin, without CEND");
        }
        checkLimits();
        int typeValue = input.pendingType();
        ChunkCodec<?> found = codecFor(typeValue);
        if (found != null) {
          if (input.pendingLength() > options.maxChunkLength()) {
            throw tooLong(
                input.pendingStart(), typeValue, input.pendingLength(), options.maxChunkLength());
          }
          stopAt(found, typeValue);
          pendingData = true;
          return true;
        }
        if (!passOver(typeValue)) {
          return false;
        }
      }
    } catch (IOException e) {
      // Two handlers rather than failure(e): through that helper this loop measured slower
      // (PairedReads framing 64, 1.50x against 1.38x of the bare loop, medians of nine runs).
      throw failed(e);
    } catch (RuntimeException | Error e) {
      failed(null);
      throw e;
    }
  }

  /**
   * Reads past the chunk of type {@code typeValue}, whose header was just read and which has no
   * codec here: a description is checked, {@code CEND} ends the stream, and any other chunk is
   * checked in constant memory and recorded as skipped, or refused. Returns false once the stream
   * has ended well. Apart from {@link #next()}, whose steps for a chunk with a codec are then few
   * enough for the compiler to take into its callers.
   */
  private boolean passOver(int typeValue) throws IOException {
    long offset = input.pendingStart();
    ChunkType type = ChunkType.of(typeValue);
    if (type.equals(ChunkType.DESC) && checkDescription(offset)) {
      return true;
    }
    // Not ours to decode: checked in constant memory, whatever its length.
    input.skipData();
    if (type.equals(ChunkType.CEND)) {
      if (input.pendingLength() != 0) {
        throw Errors.structure(
            offset, "CEND", "CEND must have no data, but has length " + input.pendingLength());
      }
      if (wholeInput) {
        input.requireEnd();
      }
      ended = true;
      complete = true;
      codec = null;
      finishDeadline();
      return false;
    }
    if (type.equals(ChunkType.CHDR)) {
      throw Errors.structure(offset, "CHDR", "CHDR appears a second time");
    }
    SkippedChunk skip = Framing.unknown(type, offset, input.pendingLength(), type.code());
    charge(Budget.SKIPPED_RECORD, offset, typeValue, "the record of a skipped chunk");
    scope.skipped().add(skip);
    return true;
  }

  /**
   * Moves to the next chunk that has a codec, charges {@code stateBytes} for its place in what the
   * caller keeps, and decodes it, as {@link #next()}, {@link #charge} and {@link #state()} in turn
   * do, with the same result for every stream; returns null once the stream has ended well. Over
   * a byte array, a chunk whose framing and CRC are right is read in one step ({@link
   * FrameReader#nextInPlace()}); any other chunk takes the steps of {@code next()}.
   */
  Object nextState(long stateBytes, String what) throws IOException {
    if (!ended && !pendingData && input.nextInPlace()) {
      int typeValue = input.pendingType();
      ChunkCodec<?> found = codecFor(typeValue);
      if (found != null && input.pendingLength() <= options.maxChunkLength()) {
        try {
          checkLimits();
          stopAt(found, typeValue);
          charge(stateBytes, input.pendingStart(), typeValue, what);
          return decodeData();
        } catch (IOException | RuntimeException | Error e) {
          throw failure(e);
        }
      }
      input.rewind(); // not a chunk to decode: next() reads it, and says what it is
    }
    if (!next()) {
      return null;
    }
    charge(stateBytes, input.pendingStart(), input.pendingType(), what);
    return state();
  }

  /**
   * Reads the chunks of an input stream that {@link #nextState} would decode, each charged {@code
   * stateBytes} and decoded into {@code into}, in one loop ({@link FrameReader#readRegular}), up
   * to the first chunk that is not one, whose header it leaves for {@link #next()}: with the same
   * result for every stream as {@code nextState} would have, called for each of those chunks. For
   * a read whose budget covers the whole stream; over a byte array, reads nothing.
   *
   * @throws ChunkStreamException for a chunk that breaks the format inside its data or CRC, as
   *     {@code nextState} would throw it
   */
  void readRegular(long stateBytes, Reading into) throws IOException {
    if (ended || pendingData || perChunkBudget) {
      return;
    }
    Regular chunks = regular;
    if (chunks == null || chunks.into != into) {
      chunks = new Regular(into);
      regular = chunks;
    }
    try {
      input.readRegular(chunks, stateBytes);
    } catch (IOException | RuntimeException | Error e) {
      throw failure(e);
    }
  }

  /** The chunks {@link #readRegular} reads: those {@link #next()} would stop at, in its limits. */
  private final class Regular implements FrameReader.Regular {
    private final Reading into;

    Regular(Reading into) {
      this.into = into;
    }

    @Override
    public boolean admits(int typeValue, int length, long offset) {
      return codecFor(typeValue) != null
          && length <= options.maxChunkLength()
          && withinLimits(options, chunks + 1, offset, length);
    }

    @Override
    public void take(byte[] array, int offset, int length, int typeValue, long start)
        throws ChunkStreamException {
      chunks++;
      ChunkCodec<?> found = codecFor(typeValue);
      stopAt(found, typeValue);
      into.state(
          decode(found, READERS.moveTo(topLevel, array, offset, length, typeValue, start)), start);
    }
  }

  /**
   * The codec for chunks of type {@code typeValue}, or null: the codec of the chunk last stopped
   * at, if it is of that type, since a stream's chunks come in runs of one type; else the
   * registry's.
   */
  private ChunkCodec<?> codecFor(int typeValue) {
    ChunkCodec<?> last = codec;
    return last != null && typeValue == codecType ? last : registry.codecFor(typeValue);
  }

  /**
   * Makes the chunk whose header was just read, of type {@code typeValue} and decoded by {@code
   * found}, the one this stream is at; with a budget per chunk, that chunk starts with all of it.
   */
  private void stopAt(ChunkCodec<?> found, int typeValue) {
    if (codec != found) {
      codec = found; // a run of chunks of one type stores the reference once
      codecType = typeValue;
    }
    if (perChunkBudget) {
      budget.release(budget.used());
    }
  }

  /** The type of the chunk {@link #next()} moved to. */
  public ChunkType type() {
    requireChunk();
    return codec.type();
  }

  /** The stream offset of the chunk {@link #next()} moved to. */
  public long offset() {
    requireChunk();
    return input.pendingStart();
  }

  /** The length of the data of the chunk {@link #next()} moved to. */
  public int length() {
    requireChunk();
    return input.pendingLength();
  }

  /** The codec of the chunk {@link #next()} moved to. */
  public ChunkCodec<?> codec() {
    requireChunk();
    return codec;
  }

  /**
   * Reads, checks and decodes the chunk {@link #next()} moved to, sub-chunks included.
   *
   * @throws ChunkStreamException if the chunk is damaged, or not a valid encoding of its type
   * @throws IllegalStateException if the chunk was already read
   */
  public Object state() throws IOException {
    takeData();
    try {
      input.readDataTransient();
      return decodeData();
    } catch (IOException | RuntimeException | Error e) {
      throw failure(e);
    }
  }

  /**
   * Reads and checks the framing and CRC of the chunk {@link #next()} moved to, and returns it
   * undecoded: for bulk data that the caller writes somewhere as it is. Its sub-chunks are not
   * walked: a caller that takes a chunk raw takes on checking what is inside.
   *
   * @throws ChunkStreamException if the chunk is damaged
   * @throws IllegalStateException if the chunk was already read
   */
  public RawChunk raw() throws IOException {
    Frame chunk = frame();
    return RawChunk.wrap(
        codec.type(), chunk.offset(), chunk.array(), chunk.dataOffset(), chunk.length());
  }

  /**
   * Streams the data of the chunk {@link #next()} moved to through its CRC into {@code sink}, a
   * small buffer at a time, without holding the chunk: for bulk data that the caller writes
   * somewhere as it comes, such as a migration's pages. The data reaches {@code sink} before its
   * CRC is checked, so until this returns the caller must treat what it wrote as unchecked (a
   * migration destination writes pages only into a machine that is not running). An {@link
   * IOException} that {@code sink} throws (a {@link ChunkStreamException} for data it refuses)
   * ends the read.
   *
   * @throws ChunkStreamException if the chunk is damaged, or {@code sink} refuses its data
   * @throws IllegalStateException if the chunk was already read
   */
  public void copyRaw(OutputStream sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    takeData();
    try {
      input.copyData(sink);
    } catch (IOException e) {
      throw failed(e);
    } catch (RuntimeException | Error e) {
      failed(null);
      throw e;
    }
  }

  private void takeData() {
    requireChunk();
    if (!pendingData) {
      throw new IllegalStateException("the chunk at offset " + offset() + " was already read");
    }
    pendingData = false;
  }

  private Frame frame() throws IOException {
    takeData();
    try {
      return input.readData();
    } catch (IOException e) {
      throw failed(e);
    } catch (RuntimeException | Error e) {
      failed(null);
      throw e;
    }
  }

  /** The unknown ancillary chunks skipped so far, at every depth, in stream order. */
  public List<SkippedChunk> skipped() {
    return Collections.unmodifiableList(scope.skipped());
  }

  /** Whether the stream has ended well: {@link #next()} returned false. */
  public boolean isComplete() {
    return complete;
  }

  /**
   * Ends the read. Does not close the input stream, which belongs to the caller, unless a timeout
   * passed.
   */
  @Override
  public void close() {
    finishDeadline();
  }

  /** The chunks skipped so far, for a snapshot: the scope's list, or none if none was skipped. */
  List<SkippedChunk> takeSkipped() {
    return scope.skippedSoFar();
  }

  /**
   * Reads the stream's {@code dESc} chunk and checks the inline layout it describes for each type
   * against this reader's codec of that type, before any state is decoded (SPEC §8). Returns
   * false, having read nothing, for a description this reader cannot read (a later major version): the
   * chunk is then skipped as any unknown ancillary chunk. The description is decoded where the
   * chunk's data lies, within the read's budget, beside what the read holds; what it took is given
   * back once it is checked.
   *
   * @throws ChunkStreamException {@code LAYOUT} for a type whose inline layout differs by the
   *     compatibility rules, naming the type and the field; {@code DATA} for a damaged description;
   *     {@code LIMIT} if the description would pass what is left of the budget
   */
  private boolean checkDescription(long offset) throws IOException {
    if (input.pendingLength() > options.maxChunkLength()) {
      return false; // too long to read here: skipped in constant memory instead
    }
    Frame frame = input.readData();
    long held = budget.used();
    try {
      checkLayouts(
          offset,
          DESCRIPTIONS.decode(
              frame.array(), frame.dataOffset(), frame.length(), offset, "dESc", budget));
      return true;
    } catch (ChunkStreamException e) {
      if (e.kind() != ChunkStreamException.Kind.VERSION) {
        throw e;
      }
    } finally {
      budget.release(budget.used() - held); // the descriptions are not kept
    }
    charge(Budget.SKIPPED_RECORD, offset, ChunkType.DESC.value(), "the record of a skipped chunk");
    scope.skipped().add(new SkippedChunk(ChunkType.DESC, offset, frame.length(), "dESc"));
    return true;
  }

  /**
   * Checks the inline layout that the stream's {@code dESc} chunk at {@code offset} describes for
   * each type against this reader's codec of that type.
   */
  private void checkLayouts(long offset, List<TypeDescription> described)
      throws ChunkStreamException {
    for (TypeDescription stream : described) {
      ChunkCodec<?> codec = registry.codecFor(stream.type().value());
      TypeDescription own = codec == null ? null : codec.description().orElse(null);
      if (own == null) {
        continue;
      }
      for (Finding finding : Compatibility.compare(stream, own)) {
        if (finding.isBreaking() && finding.rule().startsWith("inline-field-")) {
          throw Errors.layout(
              offset,
              "dESc",
              "the stream describes the inline layout of " + stream.type().code() + " ("
                  + own.className() + ") differently from this reader: " + finding.message()
                  + " (field " + finding.field() + ")");
        }
      }
    }
  }

  /**
   * Whether a stream's {@code chunks}-th chunk, at {@code offset} with {@code length} bytes of
   * data, keeps within the limits of {@code options} that {@link #checkLimits()} checks.
   */
  private static boolean withinLimits(ReadOptions options, long chunks, long offset, int length) {
    return chunks <= options.maxChunks()
        && offset + Framing.OVERHEAD + length <= options.maxTotalBytes();
  }

  /** The limits of the options on the chunk whose header was just read. */
  private void checkLimits() throws ChunkStreamException {
    chunks++;
    long offset = input.pendingStart();
    if (withinLimits(options, chunks, offset, input.pendingLength())) {
      return;
    }
    if (chunks > options.maxChunks()) {
      throw Errors.limit(
          offset,
          ChunkType.render(input.pendingType()),
          "the stream holds more than " + options.maxChunks() + " chunks"
              + " (ReadOptions.withMaxChunks)");
    }
    long end = offset + Framing.OVERHEAD + input.pendingLength();
    if (end > options.maxTotalBytes()) {
      throw Errors.limit(
          offset,
          ChunkType.render(input.pendingType()),
          "the chunk ends at byte " + end + ", past the " + options.maxTotalBytes()
              + " bytes a stream may take (ReadOptions.withMaxTotalBytes)");
    }
  }

  void charge(long bytes, long offset, int typeValue, String what) throws ChunkStreamException {
    if (!budget.tryCharge(bytes)) {
      throw Errors.limit(offset, ChunkType.render(typeValue), budget.exceeded(bytes, what));
    }
  }

  private void requireChunk() {
    if (codec == null) {
      throw new IllegalStateException(
          ended ? "the stream has ended" : "next() has not moved to a chunk");
    }
  }

  private void finishDeadline() {
    if (deadline != null) {
      deadline.finish();
    }
  }

  /**
   * Ends the read after {@code e}: returns what an {@code IOException} becomes (see below), and
   * throws a {@code RuntimeException} or an {@code Error} as it is.
   */
  private IOException failure(Throwable e) {
    if (e instanceof IOException io) {
      return failed(io);
    }
    failed(null);
    if (e instanceof Error error) {
      throw error;
    }
    throw (RuntimeException) e; // the callers catch nothing else
  }

  /** Ends the read after a failure; returns what {@code e} becomes (see below). */
  private IOException failed(IOException e) {
    ended = true;
    codec = null;
    return failed(deadline, e);
  }

  /**
   * What a failure {@code e} of a read becomes: a timeout, if the deadline passed first and the
   * closed stream made the read fail; the deadline ends either way.
   */
  private static IOException failed(ReadDeadline deadline, IOException e) {
    if (deadline == null) {
      return e;
    }
    deadline.finish();
    if (e != null && deadline.timedOut() && !(e instanceof InterruptedIOException)) {
      return deadline.timedOut(e);
    }
    return e;
  }

  /** Decodes the data of the chunk {@link #next()} moved to, which its frame reader has read. */
  private Object decodeData() throws ChunkStreamException {
    return decode(
        codec,
        READERS.moveTo(
            topLevel,
            input.dataArray(),
            input.dataOffset(),
            input.pendingLength(),
            input.pendingType(),
            input.pendingStart()));
  }

  /**
   * The refusal of the chunk of type {@code type} at stream offset {@code offset}, whose {@code
   * length} bytes of data pass {@code maxChunkLength}, the read options' longest chunk.
   */
  static ChunkStreamException tooLong(long offset, int type, int length, int maxChunkLength) {
    return Errors.limit(
        offset,
        ChunkType.render(type),
        "the chunk's data of " + length + " bytes is longer than the " + maxChunkLength
            + " the read decodes (ReadOptions.withMaxChunkLength)");
  }

  /**
   * Decodes the data of a top-level chunk, which {@code in} is at, with {@code codec}, which must
   * read all of it and give a state: for a stream's reads and {@link ChunkDecoder}'s.
   */
  static <T> T decode(ChunkCodec<T> codec, WireReader in) throws ChunkStreamException {
    T state = codec.decode(in);
    if (in.hasRemaining()) {
      // A codec must consume its chunk; one that stops early would hide data from the check.
      throw Errors.length(
          in.chunkOffset(),
          in.path(),
          in.remaining() + " bytes of data were left unread by " + codec.getClass().getName());
    }
    if (state == null) {
      throw in.dataError(codec.getClass().getName() + " decoded null");
    }
    return state;
  }
}

package io.chunkstate.migration;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateStream;
import io.chunkstate.StateWriter;
import io.chunkstate.internal.Access;
import io.chunkstate.internal.Errors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One control message of a session, read whole: a complete stream of the format whose chunks
 * are the session's types, read with the embedded read (SPEC §3), so the next message stays
 * unread. What a message may hold is given to {@link #read} as its {@link Shape}s: a chunk that
 * does not belong is refused at its header, before its data is read, and the whole message,
 * every state it keeps, is read within one allocation budget, that of the read's options.
 */
final class Message {
  static final ChunkRegistry SESSION =
      ChunkRegistry.of(MigrationChunks.codecs().toArray(new ChunkCodec<?>[0]));

  private static final Access.EmbeddedReads<StateStream, ChunkRegistry, ReadOptions> READS =
      Access.embeddedReads(StateStream.class);

  /** What a message may hold: exactly one state of each of {@code types}, in that order. */
  record Shape(List<Class<?>> types) {
    static Shape of(Class<?>... types) {
      return new Shape(List.of(types));
    }
  }

  private final List<Object> states;

  private Message(List<Object> states) {
    this.states = states;
  }

  /** Writes one message of {@code states}, complete with {@code CEND}, and flushes it. */
  static void write(Link link, String producer, Object... states) throws IOException {
    StateWriter writer = StateWriter.open(link.out(), producer, SESSION);
    for (Object state : states) {
      writer.write(state);
    }
    writer.finish();
  }

  /**
   * Reads one whole message, named {@code name} in errors, that holds one of {@code shapes}, with
   * every chunk decoded. Each chunk's type is checked against the shapes, and the length of a
   * chunk whose data has one length, as soon as its header arrives, before its data is read.
   *
   * @throws ChunkStreamException {@code STRUCTURE} at the first chunk that does not belong (the
   *     first shape that fitted so far names what belongs there), or at its {@code CEND} where
   *     one is missing; {@code LENGTH} at a chunk of a fixed length that has another; {@code
   *     LIMIT} if the message passes the options' allocation budget; or what else breaks the
   *     format
   */
  static Message read(Link link, String name, ReadOptions options, Shape... shapes)
      throws IOException {
    List<Object> states = new ArrayList<>();
    List<Shape> fitting = new ArrayList<>(List.of(shapes));
    long end;
    try (StateStream stream = READS.openEmbedded(link.in(), SESSION, options)) {
      while (stream.next()) {
        int index = states.size();
        Class<?> type = stream.codec().stateClass();
        List<Class<?>> expected = fitting.get(0).types();
        fitting.removeIf(s -> s.types().size() <= index || s.types().get(index) != type);
        if (fitting.isEmpty()) {
          String found = stream.type().code();
          String belongs = index < expected.size() ? code(expected.get(index)) : "CEND";
          throw Errors.structure(
              stream.offset(),
              found,
              "the " + name + " message holds " + found + " where " + belongs + " belongs");
        }
        checkLength(stream);
        states.add(stream.state());
      }
      end = READS.endOffset(stream);
    }
    for (Shape shape : fitting) {
      if (shape.types().size() == states.size()) {
        return new Message(states);
      }
    }
    throw Errors.structure(
        end,
        "CEND",
        "the " + name + " message ends where " + code(fitting.get(0).types().get(states.size()))
            + " belongs");
  }

  /**
   * Refuses the chunk {@code stream} is at if its type's data has one length and the chunk's has
   * another, before its data is read.
   *
   * @throws ChunkStreamException {@code LENGTH} at the chunk
   */
  static void checkLength(StateStream stream) throws ChunkStreamException {
    int fixed = MigrationChunks.fixedLength(stream.type());
    if (fixed >= 0 && stream.length() != fixed) {
      throw Errors.length(
          stream.offset(),
          stream.type().code(),
          "the data of " + stream.type().code() + " is " + fixed + " bytes, not "
              + stream.length());
    }
  }

  /** The message's one state, of class {@code type}, which {@link #read} checked. */
  <T> T only(Class<T> type) {
    return type.cast(states.get(0));
  }

  /** Whether the message's first state is of class {@code type}. */
  boolean startsWith(Class<?> type) {
    return !states.isEmpty() && type.isInstance(states.get(0));
  }

  /** The states of the message, in order. */
  List<Object> states() {
    return states;
  }

  private static String code(Class<?> type) {
    return SESSION.codecFor(type).map(c -> c.type().code()).orElse(type.getSimpleName());
  }
}

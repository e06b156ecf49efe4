package io.chunkstate.migration;

import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.ReadOptions;
import io.chunkstate.StateStream;
import io.chunkstate.StateWriter;
import io.chunkstate.internal.Errors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One control message of a session, read whole: a complete stream of the format whose chunks
 * are the session's types, read with the embedded read (SPEC §3), so the next message stays
 * unread. What a message must hold is checked by {@link #only} and {@link #first}.
 */
final class Message {
  static final ChunkRegistry SESSION =
      ChunkRegistry.of(MigrationChunks.codecs().toArray(new ChunkCodec<?>[0]));

  private final String name;
  private final List<Object> states;
  private final List<Long> offsets;
  private final long end;

  private Message(String name, List<Object> states, List<Long> offsets, long end) {
    this.name = name;
    this.states = states;
    this.offsets = offsets;
    this.end = end;
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
   * Reads one whole message, named {@code name} in errors, with every chunk decoded.
   *
   * @throws ChunkStreamException if the message breaks the format
   */
  static Message read(Link link, String name, ReadOptions options) throws IOException {
    List<Object> states = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    long end = 0;
    try (StateStream stream = StateStream.openEmbedded(link.in(), SESSION, options)) {
      while (stream.next()) {
        offsets.add(stream.offset());
        end = stream.offset() + 12 + stream.length();
        states.add(stream.state());
      }
    }
    return new Message(name, states, offsets, end);
  }

  /**
   * The message's one state, of class {@code type}.
   *
   * @throws ChunkStreamException {@code STRUCTURE} at the first chunk that does not belong
   */
  <T> T only(Class<T> type) throws ChunkStreamException {
    expect(type);
    return type.cast(states.get(0));
  }

  /**
   * The message's first state, which must be of class {@code type}.
   *
   * @throws ChunkStreamException {@code STRUCTURE} if the message is empty or starts otherwise
   */
  <T> T first(Class<T> type) throws ChunkStreamException {
    if (states.isEmpty()) {
      throw Errors.structure(
          end, "", "the " + name + " message ends where " + code(type) + " belongs");
    }
    if (!type.isInstance(states.get(0))) {
      throw unexpected(0, code(type));
    }
    return type.cast(states.get(0));
  }

  /**
   * Checks that the message holds exactly one state of each of {@code types}, in that order.
   *
   * @throws ChunkStreamException {@code STRUCTURE} at the first chunk that does not belong, or
   *     where a missing one should have been
   */
  void expect(Class<?>... types) throws ChunkStreamException {
    for (int i = 0; i < types.length; i++) {
      if (i == states.size()) {
        throw Errors.structure(
            end, "", "the " + name + " message ends where " + code(types[i]) + " belongs");
      }
      if (!types[i].isInstance(states.get(i))) {
        throw unexpected(i, code(types[i]));
      }
    }
    if (states.size() > types.length) {
      throw unexpected(types.length, "CEND");
    }
  }

  /** Whether the message's first state is of class {@code type}. */
  boolean startsWith(Class<?> type) {
    return !states.isEmpty() && type.isInstance(states.get(0));
  }

  /** The states of the message, in order. */
  List<Object> states() {
    return states;
  }

  /** The error for the state at {@code index}, where {@code expected} belongs. */
  ChunkStreamException unexpected(int index, String expected) {
    String found = code(states.get(index).getClass());
    return Errors.structure(
        offsets.get(index),
        found,
        "the " + name + " message holds " + found + " where " + expected + " belongs");
  }

  private static String code(Class<?> type) {
    return SESSION.codecFor(type).map(c -> c.type().code()).orElse(type.getSimpleName());
  }
}

package io.chunkstate.internal;

import io.chunkstate.ChunkStreamException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/** The {@code CHDR} chunk of SPEC §3: the format version a stream declares. */
public final class Header {
  /** The format major version this runtime reads and writes. */
  public static final int FORMAT_MAJOR = 1;

  /** The format minor version this runtime writes. */
  public static final int FORMAT_MINOR = 0;

  private static final int NULL_COUNT = -1;

  // The producer name of the last stream read, which the next one most often repeats, with its
  // bytes. Never changed once made.
  private record Producer(String name, byte[] utf8) {}

  private static volatile Producer lastProducer = new Producer("", new byte[0]);

  private Header() {}

  /**
   * What a stream's {@code CHDR} declares.
   *
   * @param minor the format minor version
   * @param producer the producer's name
   */
  public record Declared(int minor, String producer) {}

  /**
   * Reads and checks the data of a {@code CHDR}, for every reader of streams: a format major
   * version this runtime knows, checked as soon as the version's four bytes are there (the rest of
   * the data is that major version's to define), then a producer name that is a string of UTF-8,
   * not null. Bytes after the name belong to later minor versions and are not looked at.
   *
   * @throws ChunkStreamException {@code LENGTH} if the data ends inside these fields, {@code
   *     VERSION} for another major version, {@code DATA} for a null name or one that is not UTF-8
   */
  public static Declared read(Frame chdr) throws ChunkStreamException {
    return read(chdr.array(), chdr.dataOffset(), chdr.length(), chdr.offset());
  }

  /**
   * Reads and checks the {@code length} bytes of data of a {@code CHDR} at {@code from} of {@code
   * b}, as {@link #read(Frame)} does; {@code offset} is the chunk's stream offset, which an error
   * names.
   */
  public static Declared read(byte[] b, int from, int length, long offset)
      throws ChunkStreamException {
    if (length < 4) {
      throw Errors.length(
          offset, "CHDR", "CHDR holds " + length + " bytes, fewer than its version's four");
    }
    int major = (Framing.getInt(b, from) >>> 16) & 0xffff;
    int minor = Framing.getInt(b, from) & 0xffff;
    if (major != FORMAT_MAJOR) {
      throw Errors.version(offset, major, minor);
    }
    if (length < 8) {
      throw Errors.length(
          offset,
          "CHDR",
          "CHDR holds " + length + " bytes, fewer than its version and the count of its producer");
    }
    int count = Framing.getInt(b, from + 4);
    if (count == NULL_COUNT) {
      throw Errors.data(offset, "CHDR", "the producer name is null");
    }
    if (count < 0 || count > length - 8) {
      throw Errors.length(
          offset,
          "CHDR",
          "the producer name's count " + Integer.toUnsignedString(count) + " runs past the "
              + (length - 8) + " bytes left");
    }
    Producer last = lastProducer;
    if (Arrays.equals(b, from + 8, from + 8 + count, last.utf8(), 0, last.utf8().length)) {
      return new Declared(minor, last.name()); // a reader reads streams of one producer, mostly
    }
    try {
      String producer = Text.utf8(b, from + 8, count);
      lastProducer = new Producer(producer, Arrays.copyOfRange(b, from + 8, from + 8 + count));
      return new Declared(minor, producer);
    } catch (CharacterCodingException e) {
      throw Errors.data(offset, "CHDR", "the producer name is not valid UTF-8");
    }
  }
}

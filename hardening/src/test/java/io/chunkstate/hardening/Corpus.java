package io.chunkstate.hardening;

import io.chunkstate.ChunkType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The corruption corpus, in the spirit of PngSuite's {@code x*} files: every damage a stream can
 * suffer, made from valid base streams, each with the outcome the format rules predict. The
 * expectation comes from the mutation alone (SPEC §1–5), never from running the reader: {@code
 * OK}, an exact kind (with the offset, where the rules fix it), or {@code ANY} where any {@code
 * ChunkStreamException} is correct (a bit flip in a length field may make the stream end early, or
 * a later CRC fail, depending on the bytes).
 *
 * <p>Bit flips and truncations are regenerated from the base stream by their position; every other
 * case is stored as a file.
 */
final class Corpus {
  /** What the reader must do with a case. */
  record Case(String name, String mutation, byte[] bytes, String expect, long offset, boolean stored) {
    /** One line of {@code index.tsv}. */
    String indexLine() {
      return name + "\t" + mutation + "\t" + expect + "\t" + (offset < 0 ? "" : offset);
    }
  }

  static final String OK = "OK";
  static final String ANY = "ANY";

  /** A top-level chunk of a base stream: where it starts and how long its data is. */
  record Span(int start, int length, ChunkType type) {
    int end() {
      return start + 12 + length;
    }
  }

  private final String base;
  private final byte[] stream;
  private final List<Span> chunks;
  private final List<Case> cases = new ArrayList<>();
  private final Set<ByteBuffer> seen = new HashSet<>();

  private Corpus(String base, byte[] stream) {
    this.base = base;
    this.stream = stream;
    this.chunks = spans(stream, 8, stream.length);
  }

  /** Every case made from {@code stream}, named {@code base/...}. */
  static List<Case> of(String base, byte[] stream) {
    Corpus corpus = new Corpus(base, stream);
    corpus.truncations();
    corpus.bitFlips();
    corpus.structure();
    corpus.lengths();
    corpus.typeBytes();
    corpus.trailingData();
    corpus.subChunkOverruns();
    corpus.randomData();
    return corpus.cases;
  }

  // ---- the mutations ----

  private void truncations() {
    for (int n = 0; n < stream.length; n++) {
      byte[] bytes = Arrays.copyOf(stream, n);
      if (n < 8) {
        add("truncate-" + n, "truncate " + n, bytes, "SIGNATURE", 0, false);
        continue;
      }
      // Cut inside a chunk: that chunk is truncated; cut where a chunk starts: the stream ends
      // where it should begin. Either way, at the start of the chunk that holds byte n.
      add("truncate-" + n, "truncate " + n, bytes, "TRUNCATED", chunkAt(n).start(), false);
    }
  }

  private void bitFlips() {
    for (int n = 0; n < stream.length; n++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bytes = stream.clone();
        bytes[n] ^= (byte) (1 << bit);
        String name = "flip-" + n + "." + bit;
        String mutation = "flip " + n + "." + bit;
        if (n < 8) {
          add(name, mutation, bytes, "SIGNATURE", 0, false);
          continue;
        }
        Span c = chunkAt(n);
        int rel = n - c.start();
        if (rel < 4) {
          // The top bit of the length makes it exceed 2^31-1; anything else may end the stream
          // early or make another chunk's CRC fail, depending on the bytes.
          boolean tooLong = rel == 0 && bit == 7 && (stream[n] & 0x80) == 0;
          add(name, mutation, bytes, tooLong ? "LENGTH" : ANY, tooLong ? c.start() : -1, false);
        } else if (rel < 8) {
          add(name, mutation, bytes, isLetter(bytes[n]) ? "CRC" : "TYPE", c.start(), false);
        } else {
          add(name, mutation, bytes, "CRC", c.start(), false); // data or CRC: the CRC fails
        }
      }
    }
  }

  private void structure() {
    int last = chunks.size() - 1;
    for (int i = 0; i <= last; i++) {
      Span c = chunks.get(i);
      String label = i + "-" + c.type().code();

      // Dropped.
      byte[] dropped = cut(stream, c.start(), c.end());
      if (i == 0) {
        add("drop-" + label, "drop chunk " + i, dropped, "STRUCTURE", 8, true);
      } else if (i == last) {
        add("drop-" + label, "drop chunk " + i, dropped, "TRUNCATED", dropped.length, true);
      } else {
        add("drop-" + label, "drop chunk " + i, dropped, OK, -1, true);
      }

      // Duplicated in place.
      byte[] doubled = insert(stream, c.end(), Arrays.copyOfRange(stream, c.start(), c.end()));
      if (i == 0) {
        add("double-" + label, "duplicate chunk " + i, doubled, "STRUCTURE", c.end(), true);
      } else if (i == last) {
        add("double-" + label, "duplicate chunk " + i, doubled, "TRAILING_DATA", c.end(), true);
      } else {
        add("double-" + label, "duplicate chunk " + i, doubled, OK, -1, true);
      }

      // Moved one place later (swapped with the next chunk).
      if (i < last) {
        Span next = chunks.get(i + 1);
        byte[] swapped =
            concat(
                Arrays.copyOfRange(stream, 0, c.start()),
                Arrays.copyOfRange(stream, next.start(), next.end()),
                Arrays.copyOfRange(stream, c.start(), c.end()),
                Arrays.copyOfRange(stream, next.end(), stream.length));
        String name = "move-" + label + "-after-" + (i + 1);
        String mutation = "move chunk " + i + " after chunk " + (i + 1);
        if (i == 0) {
          add(name, mutation, swapped, "STRUCTURE", 8, true); // the first chunk is not CHDR
        } else if (i + 1 == last) {
          // CEND now comes before a chunk: everything after it is trailing data.
          add(name, mutation, swapped, "TRAILING_DATA", c.start() + 12, true);
        } else {
          add(name, mutation, swapped, OK, -1, true);
        }
      }
    }
  }

  private void lengths() {
    for (int i = 0; i < chunks.size(); i++) {
      Span c = chunks.get(i);
      String label = i + "-" + c.type().code();
      add("length-2p31-" + label, "length of chunk " + i + " = 2^31", withInt(c.start(), 1 << 31),
          "LENGTH", c.start(), true);
      add("length-max-" + label, "length of chunk " + i + " = 2^31-1",
          withInt(c.start(), Integer.MAX_VALUE), "TRUNCATED", c.start(), true);
      if (c.length() >= 4) {
        // Read as empty, the chunk's CRC is taken from the first four bytes of its data.
        byte[] bytes = withInt(c.start(), 0);
        boolean crcHolds = getInt(stream, c.start() + 8) == crc(stream, c.start() + 4, 4);
        add("length-0-" + label, "length of chunk " + i + " = 0", bytes, crcHolds ? ANY : "CRC",
            crcHolds ? -1 : c.start(), true);
      }
    }
  }

  private void typeBytes() {
    for (int i = 0; i < chunks.size(); i++) {
      Span c = chunks.get(i);
      String label = i + "-" + c.type().code();
      for (int k = 0; k < 4; k++) {
        for (byte bad : new byte[] {'@', '[', '5', (byte) 0xc1}) {
          byte[] bytes = stream.clone();
          bytes[c.start() + 4 + k] = bad;
          add(String.format("type-%s-byte%d-%02x", label, k, bad & 0xff),
              String.format("type byte %d of chunk %d = %02x", k, i, bad & 0xff), bytes, "TYPE",
              c.start(), true);
        }
      }
      // The reserved bit set (third letter lowercase), CRC made good: the chunk is unknown.
      byte[] bytes = stream.clone();
      bytes[c.start() + 6] |= 0x20;
      fixCrc(bytes, c.start(), c.length());
      String expect;
      if (i == 0) {
        expect = "STRUCTURE"; // the first chunk is no longer CHDR
      } else if (c.type().isCritical()) {
        expect = "UNKNOWN_CRITICAL";
      } else {
        expect = OK; // an unknown ancillary chunk is skipped
      }
      add("reserved-bit-" + label, "reserved bit of chunk " + i + ", CRC fixed", bytes, expect,
          expect.equals(OK) ? -1 : c.start(), true);
    }
  }

  private void trailingData() {
    int end = stream.length;
    add("trailing-byte", "one byte after CEND", concat(stream, new byte[] {0}), "TRAILING_DATA",
        end, true);
    Span cend = chunks.get(chunks.size() - 1);
    add("trailing-cend", "a second CEND after CEND",
        concat(stream, Arrays.copyOfRange(stream, cend.start(), cend.end())), "TRAILING_DATA",
        end, true);
    if (chunks.size() > 2) {
      Span data = chunks.get(1);
      add("trailing-chunk", "a copy of chunk 1 after CEND",
          concat(stream, Arrays.copyOfRange(stream, data.start(), data.end())), "TRAILING_DATA",
          end, true);
    }
  }

  private void subChunkOverruns() {
    for (int i = 1; i < chunks.size() - 1; i++) {
      Span parent = chunks.get(i);
      int dataStart = parent.start() + 8;
      List<Span> subs = subChunks(stream, dataStart, dataStart + parent.length());
      for (int j = 0; j < subs.size(); j++) {
        Span sub = subs.get(j);
        int room = parent.start() + 8 + parent.length() - sub.start() - 12;
        for (long length : new long[] {room + 1L, Integer.MAX_VALUE}) {
          byte[] bytes = withInt(sub.start(), (int) length);
          fixCrc(bytes, parent.start(), parent.length());
          String which = length == Integer.MAX_VALUE ? "max" : "past-end";
          add("overrun-" + i + "-" + parent.type().code() + "-sub" + j + "-" + which,
              "sub-chunk " + j + " of chunk " + i + " runs " + which + ", parent CRC fixed",
              bytes, "LENGTH", parent.start(), true); // SPEC §4: reported at the parent
        }
      }
    }
  }

  private void randomData() {
    Random random = new Random(base.hashCode());
    for (int i = 0; i < chunks.size() - 1; i++) {
      Span c = chunks.get(i);
      for (int round = 0; round < 4; round++) {
        int length = round == 0 ? c.length() : random.nextInt(2 * c.length() + 16);
        byte[] data = new byte[length];
        random.nextBytes(data);
        byte[] chunk = new byte[12 + length];
        ByteBuffer.wrap(chunk).putInt(length).putInt(c.type().value()).put(data);
        fixCrc(chunk, 0, length);
        byte[] bytes =
            concat(
                Arrays.copyOfRange(stream, 0, c.start()),
                chunk,
                Arrays.copyOfRange(stream, c.end(), stream.length));
        add("random-" + i + "-" + c.type().code() + "-" + round,
            "chunk " + i + " holds " + length + " random bytes under a valid CRC", bytes, ANY, -1,
            true);
      }
    }
  }

  // ---- structure of the base stream ----

  /** The chunks that follow one another exactly from {@code from} to {@code to}. */
  static List<Span> spans(byte[] bytes, int from, int to) {
    List<Span> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      int length = getInt(bytes, at);
      out.add(new Span(at, length, ChunkType.of(getInt(bytes, at + 4))));
      at += 12 + length;
    }
    if (at != to) {
      throw new IllegalArgumentException("chunks do not end at " + to);
    }
    return out;
  }

  /**
   * The sub-chunks in {@code bytes[dataStart, dataEnd)}, a chunk's data: the chunks with valid
   * framing and CRCs that follow one another from some point in it to its end, starting as early
   * as possible. The inline fields before them are not valid chunks but by a 2^-32 chance.
   */
  static List<Span> subChunks(byte[] bytes, int dataStart, int dataEnd) {
    for (int p = dataStart; p + 12 <= dataEnd; p++) {
      List<Span> chain = chain(bytes, p, dataEnd);
      if (chain != null) {
        return chain;
      }
    }
    return List.of();
  }

  private static List<Span> chain(byte[] bytes, int from, int to) {
    List<Span> out = new ArrayList<>();
    int at = from;
    while (at + 12 <= to) {
      long length = Integer.toUnsignedLong(getInt(bytes, at));
      int type = getInt(bytes, at + 4);
      if (length > to - at - 12 || !ChunkType.isValid(type)
          || getInt(bytes, at + 8 + (int) length) != crc(bytes, at + 4, 4 + (int) length)) {
        return null;
      }
      out.add(new Span(at, (int) length, ChunkType.of(type)));
      at += 12 + (int) length;
    }
    return at == to ? out : null;
  }

  /** The top-level chunk that holds the byte at {@code offset}. */
  private Span chunkAt(int offset) {
    for (Span c : chunks) {
      if (c.start() <= offset && offset < c.end()) {
        return c;
      }
    }
    throw new IllegalArgumentException("no chunk holds offset " + offset);
  }

  // ---- bytes ----

  private void add(
      String name, String mutation, byte[] bytes, String expect, long offset, boolean stored) {
    if (!seen.add(ByteBuffer.wrap(bytes))) {
      return; // the same bytes as an earlier case
    }
    cases.add(new Case(base + "/" + name, mutation, bytes, expect, offset, stored));
  }

  private byte[] withInt(int at, int value) {
    byte[] bytes = stream.clone();
    ByteBuffer.wrap(bytes).putInt(at, value);
    return bytes;
  }

  private static void fixCrc(byte[] bytes, int start, int length) {
    ByteBuffer.wrap(bytes).putInt(start + 8 + length, crc(bytes, start + 4, 4 + length));
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  static int getInt(byte[] bytes, int at) {
    return ByteBuffer.wrap(bytes).getInt(at);
  }

  private static boolean isLetter(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
  }

  private static byte[] cut(byte[] bytes, int from, int to) {
    return concat(Arrays.copyOfRange(bytes, 0, from), Arrays.copyOfRange(bytes, to, bytes.length));
  }

  private static byte[] insert(byte[] bytes, int at, byte[] part) {
    return concat(Arrays.copyOfRange(bytes, 0, at), part, Arrays.copyOfRange(bytes, at, bytes.length));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer out = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      out.put(p);
    }
    return out.array();
  }
}

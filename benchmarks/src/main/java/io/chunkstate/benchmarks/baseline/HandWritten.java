package io.chunkstate.benchmarks.baseline;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkStreamException.Kind;
import io.chunkstate.ChunkType;
import io.chunkstate.benchmarks.state.DeviceState;
import io.chunkstate.benchmarks.state.Mode;
import io.chunkstate.benchmarks.state.Page;
import io.chunkstate.benchmarks.state.TimerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The format's limit in Java: the benchmark state written to and read from the chunkstate format
 * by straight-line {@link VarHandle} code and {@link CRC32}, with every check the format demands
 * (lengths, type bytes, CRCs, booleans, UTF-8, enum names, sub-chunk rules, stream structure) and
 * nothing else. It knows only these types, fixes offsets at compile time, and checks the
 * fixed-size part of a chunk once.
 *
 * <p>It produces exactly the bytes of the generated codecs; the benchmark module's tests check
 * that.
 */
public final class HandWritten {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final long SIGNATURE = 0x8943484B0D0A1A0AL;
  private static final int CHDR = ChunkType.CHDR.value();
  private static final int CEND = ChunkType.CEND.value();
  private static final int DEVICE = ChunkType.of("DeVS").value();
  private static final int TIMER = ChunkType.of("TmRS").value();
  private static final int PAGE = ChunkType.of("PaGE").value();

  /** Bytes of a device's fixed-width fields, id to loopback. */
  private static final int DEVICE_FIXED = 62;

  private static final int TIMER_DATA = 13;
  private static final Mode[] MODES = Mode.values();
  private static final byte[][] MODE_NAMES = new byte[MODES.length][];

  static {
    for (Mode mode : MODES) {
      MODE_NAMES[mode.ordinal()] = mode.name().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final CRC32 crc = new CRC32();
  private byte[] buf;
  private int size;

  /** An encoder with an initial buffer of {@code capacity} bytes, grown when needed. */
  public HandWritten(int capacity) {
    this.buf = new byte[capacity];
  }

  /** Empties the buffer, keeping it. */
  public void reset() {
    size = 0;
  }

  /** The buffer; its first {@link #size()} bytes are written. */
  public byte[] buffer() {
    return buf;
  }

  /** The number of bytes written. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private byte[] ensure(long n) {
    if (buf.length - size < n) {
      buf = Arrays.copyOf(buf, (int) Math.max(size + n, 2L * buf.length));
    }
    return buf;
  }

  private int crc(byte[] b, int from, int to) {
    crc.reset();
    crc.update(b, from, to - from);
    return (int) crc.getValue();
  }

  // ---- writing ----

  /** The signature and a {@code CHDR} chunk for format 1.0 naming {@code producer}. */
  public void writeHeader(String producer) {
    byte[] b = ensure(8 + 12 + 4 + 4 + 3L * producer.length());
    LONG.set(b, size, SIGNATURE);
    int start = size + 8;
    INT.set(b, start + 4, CHDR);
    SHORT.set(b, start + 8, (short) 1);
    SHORT.set(b, start + 10, (short) 0);
    size = endChunk(b, start, writeString(b, start + 12, producer));
  }

  /** One chunk for {@code state}, a {@link DeviceState} or a {@link Page}. */
  public void write(Object state) {
    if (state instanceof DeviceState device) {
      writeDevice(device);
    } else {
      writePage((Page) state);
    }
  }

  /** The empty {@code CEND} chunk. */
  public void writeEnd() {
    byte[] b = ensure(12);
    INT.set(b, size + 4, CEND);
    size = endChunk(b, size, size + 8);
  }

  /** One {@code DeVS} chunk with its {@code TmRS} sub-chunk. */
  public void writeDevice(DeviceState d) {
    byte[] fifo = d.fifo();
    String name = d.name();
    long bound = 12 + DEVICE_FIXED + 12 + (fifo == null ? 0 : fifo.length)
        + (name == null ? 0 : 3L * name.length()) + 8 + 12 + TIMER_DATA;
    byte[] b = ensure(bound);
    int start = size;
    INT.set(b, start + 4, DEVICE);
    int p = start + 8;
    INT.set(b, p, d.id());
    b[p + 4] = d.enabled() ? (byte) 1 : 0;
    b[p + 5] = d.lineControl();
    b[p + 6] = d.modemControl();
    SHORT.set(b, p + 7, d.divisor());
    SHORT.set(b, p + 9, (short) d.scratch());
    INT.set(b, p + 11, d.interruptEnable());
    INT.set(b, p + 15, d.interruptStatus());
    LONG.set(b, p + 19, d.rxBytes());
    LONG.set(b, p + 27, d.txBytes());
    LONG.set(b, p + 35, d.lastIrqNanos());
    INT.set(b, p + 43, Float.floatToRawIntBits(d.baudError()));
    LONG.set(b, p + 47, Double.doubleToRawLongBits(d.clockHz()));
    INT.set(b, p + 55, d.fifoLevel());
    SHORT.set(b, p + 59, d.fifoTrigger());
    b[p + 61] = d.loopback() ? (byte) 1 : 0;
    p += DEVICE_FIXED;
    if (fifo == null) {
      INT.set(b, p, -1);
      p += 4;
    } else {
      INT.set(b, p, fifo.length);
      System.arraycopy(fifo, 0, b, p + 4, fifo.length);
      p += 4 + fifo.length;
    }
    p = writeString(b, p, name);
    Mode mode = d.mode();
    if (mode == null) {
      INT.set(b, p, -1);
      p += 4;
    } else {
      byte[] modeName = MODE_NAMES[mode.ordinal()];
      INT.set(b, p, modeName.length);
      System.arraycopy(modeName, 0, b, p + 4, modeName.length);
      p += 4 + modeName.length;
    }
    TimerState t = d.timer();
    if (t != null) {
      int sub = p;
      INT.set(b, sub + 4, TIMER);
      LONG.set(b, sub + 8, t.deadlineNanos());
      INT.set(b, sub + 16, t.periodNanos());
      b[sub + 20] = t.armed() ? (byte) 1 : 0;
      p = endChunk(b, sub, sub + 8 + TIMER_DATA);
    }
    size = endChunk(b, start, p);
  }

  /** One {@code PaGE} chunk. */
  public void writePage(Page page) {
    byte[] data = page.data();
    byte[] b = ensure(12 + 8 + 4 + (data == null ? 0 : data.length));
    int start = size;
    INT.set(b, start + 4, PAGE);
    LONG.set(b, start + 8, page.address());
    int p = start + 16;
    if (data == null) {
      INT.set(b, p, -1);
      p += 4;
    } else {
      INT.set(b, p, data.length);
      System.arraycopy(data, 0, b, p + 4, data.length);
      p += 4 + data.length;
    }
    size = endChunk(b, start, p);
  }

  /** Fills in the length of the chunk at {@code start} whose data ends at {@code end}; adds its CRC. */
  private int endChunk(byte[] b, int start, int end) {
    INT.set(b, start, end - start - 8);
    INT.set(b, end, crc(b, start + 4, end));
    return end + 4;
  }

  /** Writes a count and UTF-8; the caller has reserved 4 + 3 bytes per char. */
  private static int writeString(byte[] b, int p, String s) {
    if (s == null) {
      INT.set(b, p, -1);
      return p + 4;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return writeUtf8(b, p, s);
      }
      b[p + 4 + i] = (byte) c;
    }
    INT.set(b, p, n);
    return p + 4 + n;
  }

  private static int writeUtf8(byte[] b, int p, String s) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer out = ByteBuffer.wrap(b, p + 4, 3 * s.length());
    CoderResult result = encoder.encode(CharBuffer.wrap(s), out, true);
    if (result.isError()) {
      throw new IllegalArgumentException("string has an unpaired surrogate");
    }
    encoder.flush(out);
    int n = out.position() - p - 4;
    INT.set(b, p, n);
    return p + 4 + n;
  }

  /**
   * Writes a whole stream of {@code states} ({@link DeviceState}s and {@link Page}s) to {@code
   * out}, as a program writing to an output stream would: each chunk encoded into the reused
   * buffer and handed over, a page's data handed over as it is, its CRC taken over the page.
   */
  public void writeStream(OutputStream out, String producer, List<?> states) throws IOException {
    reset();
    writeHeader(producer);
    flushTo(out);
    for (Object state : states) {
      if (state instanceof Page page && page.data() != null) {
        writePageTo(out, page);
      } else {
        if (state instanceof DeviceState device) {
          writeDevice(device);
        } else {
          writePage((Page) state);
        }
        flushTo(out);
      }
    }
    writeEnd();
    flushTo(out);
  }

  private void flushTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
    size = 0;
  }

  /** A {@code PaGE} chunk whose data goes to {@code out} without a copy. */
  private void writePageTo(OutputStream out, Page page) throws IOException {
    byte[] data = page.data();
    byte[] b = ensure(20);
    INT.set(b, 0, 12 + data.length);
    INT.set(b, 4, PAGE);
    LONG.set(b, 8, page.address());
    INT.set(b, 16, data.length);
    crc.reset();
    crc.update(b, 4, 16);
    crc.update(data, 0, data.length);
    out.write(b, 0, 20);
    out.write(data, 0, data.length);
    INT.set(b, 0, (int) crc.getValue());
    out.write(b, 0, 4);
  }

  /**
   * Reads and checks a whole stream from {@code in}, as {@link #readStream(byte[])} does: each
   * chunk read into one reused buffer, checked and decoded there.
   */
  public Decoded readStream(InputStream in) throws IOException {
    byte[] s = ensure(64);
    if (in.readNBytes(s, 0, 8) < 8 || (long) LONG.get(s, 0) != SIGNATURE) {
      throw new ChunkStreamException(Kind.SIGNATURE, 0, "", "not a chunkstate stream");
    }
    long at = 8;
    String producer = null;
    List<Object> states = new ArrayList<>();
    while (true) {
      s = buf;
      if (in.readNBytes(s, 0, 8) < 8) {
        throw new ChunkStreamException(Kind.TRUNCATED, at, "", "no CEND");
      }
      int len = (int) INT.get(s, 0);
      if (len < 0) {
        throw new ChunkStreamException(Kind.LENGTH, at, "", "length above 2^31-1");
      }
      s = ensureWhole(len + 12L);
      if (in.readNBytes(s, 8, len + 4) < len + 4) {
        throw new ChunkStreamException(Kind.TRUNCATED, at, "", "the stream ends inside a chunk");
      }
      checkChunk(s, 0, len + 12, "");
      int type = (int) INT.get(s, 4);
      if (producer == null) {
        if (type != CHDR) {
          throw error(Kind.STRUCTURE, 0, s, "the first chunk must be CHDR");
        }
        if (len < 8) {
          throw error(Kind.LENGTH, 0, s, "CHDR is too short");
        }
        if ((short) SHORT.get(s, 8) != 1) {
          throw error(Kind.VERSION, 0, s, "unknown major version");
        }
        producer = readString(s, 12, 8 + len, 0);
        if (producer == null) {
          throw error(Kind.DATA, 0, s, "the producer name is null");
        }
      } else if (type == DEVICE) {
        states.add(readDevice(s, 8, 8 + len, 0));
      } else if (type == PAGE) {
        states.add(readPage(s, 8, 8 + len, 0));
      } else if (type == CEND) {
        if (len != 0) {
          throw error(Kind.STRUCTURE, 0, s, "CEND has data");
        }
        if (in.read() >= 0) {
          throw new ChunkStreamException(Kind.TRAILING_DATA, at + 12, "", "data after CEND");
        }
        return new Decoded(producer, states);
      } else if (type == CHDR) {
        throw error(Kind.STRUCTURE, 0, s, "a second CHDR");
      } else {
        skipUnknown(s, 0, type);
      }
      at += len + 12L;
    }
  }

  /** The buffer, grown to hold {@code n} bytes, its first eight kept. */
  private byte[] ensureWhole(long n) {
    if (buf.length < n) {
      buf = Arrays.copyOf(buf, (int) Math.max(n, 2L * buf.length));
    }
    return buf;
  }

  // ---- reading ----

  /** A decoded stream: its producer and its top-level states in order. */
  public record Decoded(String producer, List<Object> states) {}

  /**
   * Reads and checks a whole stream of {@code DeVS} and {@code PaGE} chunks, as a chunkstate
   * reader does: signature, {@code CHDR}, every CRC and length, {@code CEND}, nothing after it.
   * Unknown ancillary chunks are skipped; unknown critical ones fail.
   */
  public Decoded readStream(byte[] s) throws ChunkStreamException {
    int limit = s.length;
    if (limit < 8 || (long) LONG.get(s, 0) != SIGNATURE) {
      throw new ChunkStreamException(Kind.SIGNATURE, 0, "", "not a chunkstate stream");
    }
    int at = 8;
    int len = checkChunk(s, at, limit, "");
    if ((int) INT.get(s, at + 4) != CHDR) {
      throw error(Kind.STRUCTURE, at, s, "the first chunk must be CHDR");
    }
    int d = at + 8;
    if (len < 8) {
      throw error(Kind.LENGTH, at, s, "CHDR is too short");
    }
    if ((short) SHORT.get(s, d) != 1) {
      throw error(Kind.VERSION, at, s, "unknown major version");
    }
    String producer = readString(s, d + 4, d + len, at);
    if (producer == null) {
      throw error(Kind.DATA, at, s, "the producer name is null");
    }
    at = d + len + 4;
    List<Object> states = new ArrayList<>();
    while (true) {
      if (at == limit) {
        throw new ChunkStreamException(Kind.TRUNCATED, at, "", "no CEND");
      }
      len = checkChunk(s, at, limit, "");
      int type = (int) INT.get(s, at + 4);
      d = at + 8;
      if (type == DEVICE) {
        states.add(readDevice(s, d, d + len, at));
      } else if (type == PAGE) {
        states.add(readPage(s, d, d + len, at));
      } else if (type == CEND) {
        if (len != 0) {
          throw error(Kind.STRUCTURE, at, s, "CEND has data");
        }
        if (d + 4 != limit) {
          throw new ChunkStreamException(Kind.TRAILING_DATA, d + 4, "", "data after CEND");
        }
        return new Decoded(producer, states);
      } else if (type == CHDR) {
        throw error(Kind.STRUCTURE, at, s, "a second CHDR");
      } else {
        skipUnknown(s, at, type);
      }
      at = d + len + 4;
    }
  }

  /**
   * Reads and checks one framed {@code DeVS} chunk that fills {@code s}: its length, type, CRC,
   * data, and its sub-chunks' framing and CRCs.
   */
  public DeviceState readDevice(byte[] s) throws ChunkStreamException {
    int len = checkChunk(s, 0, s.length, "");
    if ((int) INT.get(s, 4) != DEVICE) {
      throw error(Kind.STRUCTURE, 0, s, "not a DeVS chunk");
    }
    if (len + 12 != s.length) {
      throw new ChunkStreamException(Kind.TRAILING_DATA, len + 12, "", "data after the chunk");
    }
    return readDevice(s, 8, 8 + len, 0);
  }

  /** Decodes the data of one {@code DeVS} chunk, {@code [d, end)}, of the chunk at {@code at}. */
  private DeviceState readDevice(byte[] s, int d, int end, int at) throws ChunkStreamException {
    if (end - d < DEVICE_FIXED) {
      throw error(Kind.LENGTH, at, s, "the data ends inside the fixed fields");
    }
    int id = (int) INT.get(s, d);
    boolean enabled = bool(s, d + 4, at);
    byte lineControl = s[d + 5];
    byte modemControl = s[d + 6];
    short divisor = (short) SHORT.get(s, d + 7);
    char scratch = (char) (short) SHORT.get(s, d + 9);
    int interruptEnable = (int) INT.get(s, d + 11);
    int interruptStatus = (int) INT.get(s, d + 15);
    long rxBytes = (long) LONG.get(s, d + 19);
    long txBytes = (long) LONG.get(s, d + 27);
    long lastIrqNanos = (long) LONG.get(s, d + 35);
    // The float and the double as their bits until the state is built, as the generated codec
    // reads them: a floating-point local live across the checks below costs C2 a store to a
    // stack slot of its own for each check that may leave the compiled code.
    int baudErrorBits = (int) INT.get(s, d + 43);
    long clockHzBits = (long) LONG.get(s, d + 47);
    int fifoLevel = (int) INT.get(s, d + 55);
    short fifoTrigger = (short) SHORT.get(s, d + 59);
    boolean loopback = bool(s, d + 61, at);
    int p = d + DEVICE_FIXED;
    int n = count(s, p, end, at);
    byte[] fifo = null;
    p += 4;
    if (n >= 0) {
      fifo = Arrays.copyOfRange(s, p, p + n);
      p += n;
    }
    String name = readString(s, p, end, at);
    p += 4 + (name == null ? 0 : (int) INT.get(s, p));
    n = count(s, p, end, at);
    p += 4;
    Mode mode = null;
    if (n >= 0) {
      mode = mode(s, p, n, at);
      p += n;
    }
    TimerState timer = null;
    while (p < end) {
      int len = checkChunk(s, p, end, "DeVS");
      int type = (int) INT.get(s, p + 4);
      int sd = p + 8;
      if (type == TIMER) {
        if (timer != null) {
          throw error(Kind.STRUCTURE, p, s, "a second TmRS");
        }
        timer = readTimer(s, sd, sd + len, p);
      } else if (type == CHDR || type == CEND) {
        throw error(Kind.STRUCTURE, p, s, "CHDR or CEND inside a chunk");
      } else {
        skipUnknown(s, p, type);
      }
      p = sd + len + 4;
    }
    return new DeviceState(
        id, enabled, lineControl, modemControl, divisor, scratch, interruptEnable,
        interruptStatus, rxBytes, txBytes, lastIrqNanos, Float.intBitsToFloat(baudErrorBits),
        Double.longBitsToDouble(clockHzBits), fifoLevel, fifoTrigger, loopback, fifo, name, mode,
        timer);
  }

  private TimerState readTimer(byte[] s, int d, int end, int at) throws ChunkStreamException {
    if (end - d < TIMER_DATA) {
      throw error(Kind.LENGTH, at, s, "the data ends inside the fixed fields");
    }
    TimerState timer =
        new TimerState((long) LONG.get(s, d), (int) INT.get(s, d + 8), bool(s, d + 12, at));
    skipAll(s, d + TIMER_DATA, end);
    return timer;
  }

  private Page readPage(byte[] s, int d, int end, int at) throws ChunkStreamException {
    if (end - d < 12) {
      throw error(Kind.LENGTH, at, s, "the data ends inside the fixed fields");
    }
    long address = (long) LONG.get(s, d);
    int n = count(s, d + 8, end, at);
    int p = d + 12;
    byte[] data = null;
    if (n >= 0) {
      data = Arrays.copyOfRange(s, p, p + n);
      p += n;
    }
    skipAll(s, p, end);
    return new Page(address, data);
  }

  /** Sub-chunks of a type with none of its own: all are unknown. */
  private void skipAll(byte[] s, int p, int end) throws ChunkStreamException {
    while (p < end) {
      int len = checkChunk(s, p, end, "");
      int type = (int) INT.get(s, p + 4);
      if (type == CHDR || type == CEND) {
        throw error(Kind.STRUCTURE, p, s, "CHDR or CEND inside a chunk");
      }
      skipUnknown(s, p, type);
      p += len + 12;
    }
  }

  private static void skipUnknown(byte[] s, int at, int type) throws ChunkStreamException {
    if ((type & 0x20_00_00_00) == 0) {
      throw error(Kind.UNKNOWN_CRITICAL, at, s, "unknown critical chunk");
    }
  }

  /**
   * Checks the framing of the chunk at {@code at} inside {@code [at, limit)}: room for its length,
   * letters for its type, its CRC. Returns its data length.
   */
  private int checkChunk(byte[] s, int at, int limit, String parent) throws ChunkStreamException {
    int left = limit - at;
    if (left < 12) {
      throw new ChunkStreamException(
          parent.isEmpty() ? Kind.TRUNCATED : Kind.LENGTH, at, parent, "no room for a chunk");
    }
    int len = (int) INT.get(s, at);
    if (len < 0 || len > left - 12) {
      throw new ChunkStreamException(
          parent.isEmpty() ? Kind.TRUNCATED : Kind.LENGTH, at, parent, "length runs past the end");
    }
    int type = (int) INT.get(s, at + 4);
    if (!ChunkType.isValid(type)) {
      throw new ChunkStreamException(Kind.TYPE, at, parent, "type bytes are not letters");
    }
    if ((int) INT.get(s, at + 8 + len) != crc(s, at + 4, at + 8 + len)) {
      throw error(Kind.CRC, at, s, "CRC mismatch");
    }
    return len;
  }

  private static boolean bool(byte[] s, int i, int at) throws ChunkStreamException {
    byte v = s[i];
    if ((v & ~1) != 0) {
      throw error(Kind.DATA, at, s, "a boolean must be 00 or 01");
    }
    return v == 1;
  }

  /** A count at {@code p}: -1 for null, else a length that fits before {@code end}. */
  private static int count(byte[] s, int p, int end, int at) throws ChunkStreamException {
    if (end - p < 4) {
      throw error(Kind.LENGTH, at, s, "the data ends inside a count");
    }
    int n = (int) INT.get(s, p);
    if (n < -1 || n > end - p - 4) {
      throw error(Kind.LENGTH, at, s, "count runs past the end of the data");
    }
    return n;
  }

  private static String readString(byte[] s, int p, int end, int at)
      throws ChunkStreamException {
    int n = count(s, p, end, at);
    if (n < 0) {
      return null;
    }
    int from = p + 4;
    if (!isAscii(s, from, n)) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(s, from, n))
            .toString();
      } catch (CharacterCodingException e) {
        throw error(Kind.DATA, at, s, "a string is not valid UTF-8");
      }
    }
    return ascii(s, from, n);
  }

  /** ASCII bytes as a string, by the constructor that takes each byte as its char, and inlines. */
  @SuppressWarnings("deprecation")
  private static String ascii(byte[] s, int from, int n) {
    return new String(s, 0, from, n);
  }

  /** Whether the {@code n} bytes at {@code from} are ASCII: eight at a time, four, then one. */
  private static boolean isAscii(byte[] s, int from, int n) {
    int i = from;
    int end = from + n;
    long high = 0;
    for (; end - i >= 8; i += 8) {
      high |= (long) LONG.get(s, i);
    }
    if (end - i >= 4) {
      high |= (int) INT.get(s, i);
      i += 4;
    }
    for (; i < end; i++) {
      high |= s[i];
    }
    return (high & 0x8080808080808080L) == 0;
  }

  /** Whether {@code name} stands at {@code p}: eight bytes at a time, then four, then one. */
  private static boolean isAt(byte[] name, byte[] s, int p) {
    int n = name.length;
    int i = 0;
    for (; n - i >= 8; i += 8) {
      if ((long) LONG.get(name, i) != (long) LONG.get(s, p + i)) {
        return false;
      }
    }
    if (n - i >= 4) {
      if ((int) INT.get(name, i) != (int) INT.get(s, p + i)) {
        return false;
      }
      i += 4;
    }
    for (; i < n; i++) {
      if (name[i] != s[p + i]) {
        return false;
      }
    }
    return true;
  }

  private static Mode mode(byte[] s, int p, int n, int at) throws ChunkStreamException {
    for (int m = 0; m < MODE_NAMES.length; m++) {
      byte[] name = MODE_NAMES[m];
      if (name.length == n && isAt(name, s, p)) {
        return MODES[m];
      }
    }
    throw error(Kind.DATA, at, s, "Mode has no such constant");
  }

  private static ChunkStreamException error(Kind kind, int at, byte[] s, String detail) {
    String path = at + 8 <= s.length ? ChunkType.render((int) INT.get(s, at + 4)) : "";
    return new ChunkStreamException(kind, at, path, detail);
  }
}

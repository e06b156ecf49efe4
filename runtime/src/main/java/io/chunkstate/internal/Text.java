package io.chunkstate.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text from a stream: decoded strictly, and made safe for a one-line message. */
public final class Text {
  private Text() {}

  /**
   * The {@code n} bytes at {@code from} as UTF-8, strictly: malformed input is an error, never a
   * replacement character.
   *
   * @throws CharacterCodingException if the bytes are not valid UTF-8
   */
  public static String utf8(byte[] bytes, int from, int n) throws CharacterCodingException {
    if (isAscii(bytes, from, n)) {
      return ascii(bytes, from, n);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, from, n))
        .toString();
  }

  /**
   * Whether the {@code n} bytes at {@code from} are all ASCII: the high bits of eight bytes at a
   * time, then of four, then of each byte left, gathered and tested once.
   */
  public static boolean isAscii(byte[] bytes, int from, int n) {
    int i = from;
    int end = from + n;
    long high = 0;
    for (; end - i >= 8; i += 8) {
      high |= Framing.getLong(bytes, i);
    }
    if (end - i >= 4) {
      high |= Framing.getInt(bytes, i); // sign-extended: a high bit in it is a high bit of a byte
      i += 4;
    }
    for (; i < end; i++) {
      high |= bytes[i];
    }
    return (high & 0x8080808080808080L) == 0;
  }

  /**
   * The {@code n} bytes at {@code from}, all of them ASCII (checked by the caller), as a string.
   *
   * <p>Through {@code String(byte[], int hibyte, int, int)}, deprecated because it does not
   * decode, which is what bytes already known to be ASCII need: it copies them into a compact
   * string, and is small enough for the JIT to inline into a codec, where {@code String(byte[],
   * int, int, Charset)} is not (840 bytes of bytecode in JDK 17, past the limit for inlining).
   */
  @SuppressWarnings("deprecation")
  public static String ascii(byte[] bytes, int from, int n) {
    return new String(bytes, 0, from, n);
  }

  /**
   * {@code s} in double quotes, with quotes, backslashes and every character that is not
   * printable escaped ({@code \n}, {@code \"}, {@code \u2028}), so that bytes a peer chose can
   * neither break a message into several lines nor pass for other text; null as {@code null}.
   */
  public static String quote(String s) {
    return s == null ? "null" : "\"" + escape(s, true) + "\"";
  }

  /**
   * {@code s} with backslashes and every character that is not printable escaped: controls, line
   * and paragraph separators, format characters (such as bidirectional overrides), unpaired
   * surrogates, private-use and unassigned code points. Letters of any script stay as they are.
   */
  public static String escape(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean quotes) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int next = i + Character.charCount(c);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c == '"' && quotes) {
            out.append("\\\"");
          } else if (printable(c)) {
            out.appendCodePoint(c);
          } else {
            for (int j = i; j < next; j++) {
              out.append(String.format("\\u%04x", (int) s.charAt(j)));
            }
          }
        }
      }
      i = next;
    }
    return out.toString();
  }

  private static boolean printable(int c) {
    switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }
}

package io.chunkstate.cli;

/** Text from a stream made safe for one line of output: quoted with escapes, or as hex. */
final class Quote {
  /** How many bytes of data a hex preview shows. */
  static final int PREVIEW_BYTES = 16;

  private Quote() {}

  /**
   * {@code s} in double quotes, with backslash escapes for quotes, backslashes, control and
   * format characters (bidirectional overrides included), so that no value breaks a line.
   */
  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    escape(s, out);
    return out.append('"').toString();
  }

  /** {@code c} in single quotes, escaped as {@link #string} escapes. */
  static String character(char c) {
    StringBuilder out = new StringBuilder("'");
    escape(String.valueOf(c), out);
    return out.append('\'').toString();
  }

  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          int kind = Character.getType(c);
          if (kind == Character.CONTROL
              || kind == Character.FORMAT
              || kind == Character.SURROGATE
              || kind == Character.LINE_SEPARATOR
              || kind == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** Whether {@code s} prints as it is: a Java identifier, as an enum constant's name is. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> c < 128 && Character.isJavaIdentifierPart(c));
  }

  /** The first bytes of {@code data[from, from + length)} in hex, with an ellipsis for more. */
  static String hexPreview(byte[] data, int from, int length) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(length, PREVIEW_BYTES);
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%02x", data[from + i] & 0xff));
    }
    if (length > n) {
      out.append(" …");
    }
    return out.toString();
  }
}

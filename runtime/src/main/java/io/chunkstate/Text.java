package io.chunkstate;

/** Text from a stream, made safe for a one-line message. */
final class Text {
  private Text() {}

  /**
   * {@code s} in double quotes, with every character outside printable ASCII escaped ({@code \n},
   * {@code \"}, {@code \u0000}), so that bytes a peer chose can neither break a message into
   * several lines nor pass for other text; null as {@code null}.
   */
  static String quote(String s) {
    return s == null ? "null" : "\"" + escape(s) + "\"";
  }

  /** {@code s} with every character outside printable ASCII escaped, as {@link #quote} does. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.toString();
  }
}

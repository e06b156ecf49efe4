package io.chunkstate.internal;

/** Text from a stream, made safe for a one-line message. */
public final class Text {
  private Text() {}

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

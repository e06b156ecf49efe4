package io.chunkstate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the spec's {@code .hex} vector files. */
public final class Hex {
  private Hex() {}

  public static byte[] read(Path file) throws IOException {
    return decode(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
  }

  public static byte[] decode(String text) {
    String digits = text.replaceAll("\\s+", "");
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}

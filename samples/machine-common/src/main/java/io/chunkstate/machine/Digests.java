package io.chunkstate.machine;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.StateWriter;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The two digests a machine prints, as 64 lowercase hex digits: {@code mem}, the SHA-256 of the
 * guest memory in page order, and {@code dev}, the SHA-256 of the device state as this version
 * encodes it: the bytes of the top-level device chunks (length, type, data and CRC) of a stream
 * written with the version's registry, without the signature, {@code CHDR}, {@code dESc} or {@code
 * CEND}.
 */
public final class Digests {
  private Digests() {}

  /** The SHA-256 of every page of {@code memory}, in page order. */
  public static String memory(MappedGuestMemory memory) {
    MessageDigest sha = sha256();
    byte[] page = new byte[MappedGuestMemory.PAGE_SIZE];
    for (long p = 0; p < memory.pageCount(); p++) {
      memory.copyPage(p, page);
      sha.update(page);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The SHA-256 of the top-level chunks that {@code states} encode to with {@code registry}. */
  public static String devices(List<?> states, ChunkRegistry registry) {
    return HexFormat.of().formatHex(sha256().digest(deviceChunks(states, registry)));
  }

  /** The bytes of the top-level chunks of {@code states}, in order, as a stream holds them. */
  public static byte[] deviceChunks(List<?> states, ChunkRegistry registry) {
    try {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      try (StateWriter writer = StateWriter.open(stream, "digest", registry)) {
        for (Object state : states) {
          writer.write(state);
        }
        writer.finish();
      }
      byte[] bytes = stream.toByteArray();
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      try (ChunkInput input = ChunkInput.open(bytes, Signature.CHUNKSTATE)) {
        for (RawChunk chunk = input.next(); chunk != null; chunk = input.next()) {
          ChunkType type = chunk.type();
          if (type.equals(ChunkType.CHDR) || type.equals(ChunkType.DESC)
              || type.equals(ChunkType.CEND)) {
            continue;
          }
          chunks.write(bytes, Math.toIntExact(chunk.offset()), 12 + chunk.length());
        }
      }
      return chunks.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.chunkstate.cli;

import io.chunkstate.ChunkStreamException;
import io.chunkstate.ChunkType;
import io.chunkstate.ReadOptions;
import io.chunkstate.framing.ChunkInput;
import io.chunkstate.framing.RawChunk;
import io.chunkstate.framing.Signature;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.TypeDescription;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The third source of descriptions: the stream's own {@code dESc} chunk, which a writer embeds
 * right after {@code CHDR} (docs/DESC.md). With it, a stream is printed field by field with no
 * class and no registry file at all.
 */
final class StreamDescriptions implements Descriptions {
  private final List<TypeDescription> types;
  private final String source;

  private StreamDescriptions(List<TypeDescription> types, String source) {
    this.types = types;
    this.source = source;
  }

  /**
   * {@code given}, then the descriptions of {@code file}'s {@code dESc} chunk if it has one right
   * after {@code CHDR}; {@code given} alone if it has none, or one this tool cannot read (a later
   * version, damage: the reader check reports damage; longer than the limits of {@code options}
   * allow it to hold). Only {@code dESc} is held: {@code CHDR}'s data is streamed through its
   * CRC, and that of any other second chunk is not read.
   */
  static Descriptions after(Descriptions given, Path file, ReadOptions options)
      throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        ChunkInput input = ChunkInput.open(in, Signature.CHUNKSTATE)) {
      if (input.nextHeader() == null) {
        return given;
      }
      input.skipData();
      ChunkInput.Header next = input.nextHeader();
      if (next == null || !next.type().equals(ChunkType.DESC)) {
        return given;
      }
      RawChunk desc = ReaderCheck.hold(input, next, options);
      Descriptions own =
          new StreamDescriptions(
              DescChunk.decode(desc.data(), desc.offset()), "the stream's dESc chunk");
      return given.types().isEmpty() && given.registry().isEmpty()
          ? own
          : Descriptions.inOrder(List.of(given, own));
    } catch (ChunkStreamException e) {
      return given;
    }
  }

  @Override
  public Collection<TypeDescription> types() {
    return types;
  }

  @Override
  public String source() {
    return source;
  }
}

package io.chunkstate;

/**
 * An ancillary chunk that a reader did not know and skipped.
 *
 * @param type the chunk's type
 * @param offset the stream offset of its first byte (the length field)
 * @param length the length of its data
 * @param path the types from the top level down to and including this chunk, joined by {@code /}
 */
public record SkippedChunk(ChunkType type, long offset, int length, String path) {
  @Override
  public String toString() {
    return path + " at offset " + offset + ", length " + length;
  }
}

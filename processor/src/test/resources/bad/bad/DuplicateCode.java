package bad;

import io.chunkstate.annotation.Chunk;

final class DuplicateCode {
  @Chunk("DuPe")
  record First(int value) {}

  @Chunk(/* again */ "DuPe")
  record Second(int value) {}
}

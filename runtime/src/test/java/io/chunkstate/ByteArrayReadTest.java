package io.chunkstate;

import java.io.IOException;

/**
 * {@link StateReader#read(byte[], ChunkRegistry, ReadOptions)} reads a stream in one loop over the
 * array while its chunks are regular, then each chunk whose framing and CRC are right in one
 * step, and hands every other chunk to the two steps of {@link StateStream#next()} and {@link
 * StateStream#state()}: held to their outcome over the same array by {@link
 * OneLoopReadContract}.
 */
class ByteArrayReadTest extends OneLoopReadContract {
  @Override
  Snapshot read(byte[] bytes, ReadOptions options) throws IOException {
    return StateReader.read(bytes, REGISTRY, options);
  }

  @Override
  StateStream openForSteps(byte[] bytes, ReadOptions options) throws IOException {
    return StateStream.open(bytes, REGISTRY, options, false);
  }
}

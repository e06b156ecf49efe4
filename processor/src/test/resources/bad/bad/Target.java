package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("TaRg")
interface Target {}

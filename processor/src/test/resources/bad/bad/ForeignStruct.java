package bad;

import io.chunkstate.annotation.Chunk;

@Chunk("FoRn")
public record ForeignStruct(int id, other.Foreign foreign) {}

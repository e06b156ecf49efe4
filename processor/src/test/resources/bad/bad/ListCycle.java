package bad;

import io.chunkstate.annotation.ChunkStruct;
import java.util.List;

@ChunkStruct
public record ListCycle(int value, List<ListCycle> children) {}

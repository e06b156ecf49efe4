package bad;

import io.chunkstate.annotation.Chunk;
import java.util.List;

@Chunk("GeAr")
record GenericArray(int value, List<String>[] lists) {}

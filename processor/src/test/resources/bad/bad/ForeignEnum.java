package bad;

import io.chunkstate.annotation.Chunk;
import java.util.List;

@Chunk("FoRe")
public record ForeignEnum(List<other.Tinted> tints) {}

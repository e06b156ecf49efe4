package bad;

import io.chunkstate.annotation.ChunkKey;
import io.chunkstate.annotation.ChunkStruct;

@ChunkStruct
record MisplacedAnnotation(@ChunkKey int id, int value) {}

package io.chunkstate.vectors;

import io.chunkstate.annotation.Chunk;
import java.util.List;

/** A chunk with a struct and sub-chunks, as the vectors encode it. */
@Chunk("PaRt")
public record Parent(int id, Point origin, Child child, List<Leaf> more) {}

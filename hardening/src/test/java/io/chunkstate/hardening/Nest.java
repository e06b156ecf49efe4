package io.chunkstate.hardening;

import io.chunkstate.annotation.Chunk;

/**
 * A chunk type that contains itself: {@code NeSt} holds a level and, optionally, another {@code
 * NeSt} as a sub-chunk. Its generated codec decodes recursively, so the depth of a stream of them
 * is bounded only by the reader's nesting limit.
 */
@Chunk("NeSt")
public record Nest(int level, Nest inner) {}

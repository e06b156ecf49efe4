package io.chunkstate.processor.model;


/**
 * A {@code @Chunk} type: what the processor generates a codec for.
 *
 * @param code the four-letter type code
 * @param type the state class and its fields
 */
public record ChunkModel(String code, ClassModel type) {

  /** The generated codec's name. */
  public JavaName codecName() {
    return type.name().codecName();
  }

}

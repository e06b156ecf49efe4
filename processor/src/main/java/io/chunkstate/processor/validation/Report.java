package io.chunkstate.processor.validation;

import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * What validating one round found: every problem, and a model for each type that is clean and
 * depends only on clean types. A type with a problem, or one whose struct or sub-chunk types have
 * one, gets no model (and no code), but no second message either.
 *
 * @param problems every problem, each once, in the order found
 * @param chunks the clean {@code @Chunk} types, with the element each came from
 * @param structs the clean {@code @ChunkStruct} types
 * @param deferred names of types that refer to types not generated yet: check them next round
 */
public record Report(
    List<Problem> problems,
    Map<TypeElement, ChunkModel> chunks,
    List<ClassModel> structs,
    Set<String> deferred) {}

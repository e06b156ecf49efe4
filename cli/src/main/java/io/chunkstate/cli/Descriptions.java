package io.chunkstate.cli;

import io.chunkstate.ChunkRegistry;
import io.chunkstate.ChunkType;
import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the inspector learns what the chunks of a stream hold: the codecs on a class path
 * ({@link ClassPathDescriptions}), a {@code registry.json} ({@link RegistryFileDescriptions}), or
 * nothing ({@link #NONE}); several are consulted {@link #inOrder in order}. The stream's own
 * {@code dESc} chunk is the third ({@link StreamDescriptions}), consulted last, file by file.
 */
interface Descriptions {
  /** No descriptions: chunks are listed with their framing and a hex preview of their data. */
  Descriptions NONE =
      new Descriptions() {
        @Override
        public Collection<TypeDescription> types() {
          return List.of();
        }

        @Override
        public String source() {
          return "no descriptions";
        }
      };

  /**
   * The descriptions of {@code sources} in order: a type is described by the first source that
   * describes it, and the codecs are the first source's that has any.
   */
  static Descriptions inOrder(List<Descriptions> sources) {
    if (sources.isEmpty()) {
      return NONE;
    }
    if (sources.size() == 1) {
      return sources.get(0);
    }
    Map<ChunkType, TypeDescription> types = new LinkedHashMap<>();
    for (Descriptions source : sources) {
      for (TypeDescription t : source.types()) {
        types.putIfAbsent(t.type(), t);
      }
    }
    List<TypeDescription> merged = List.copyOf(types.values());
    Optional<ChunkRegistry> registry =
        sources.stream().map(Descriptions::registry).flatMap(Optional::stream).findFirst();
    String source =
        sources.stream().map(Descriptions::source).collect(java.util.stream.Collectors.joining(", then "));
    return new Descriptions() {
      @Override
      public Collection<TypeDescription> types() {
        return merged;
      }

      @Override
      public String source() {
        return source;
      }

      @Override
      public Optional<ChunkRegistry> registry() {
        return registry;
      }
    };
  }

  /** The {@code @Chunk} types described, each with its code. */
  Collection<TypeDescription> types();

  /** Where the descriptions come from, for messages. */
  String source();

  /** The codecs themselves, when the source has them: the reader's full check needs them. */
  default Optional<ChunkRegistry> registry() {
    return Optional.empty();
  }

  /** The description of a top-level chunk of {@code type}: known only if its reserved bit is clear. */
  default Optional<TypeDescription> ofType(ChunkType type) {
    if (type.isReservedBitSet()) {
      return Optional.empty();
    }
    return types().stream().filter(t -> t.type().equals(type)).findFirst();
  }

  /**
   * The description of a sub-chunk of type {@code code} inside a chunk described by {@code
   * parent}: the class its field declares, a {@code @Chunk} class or a struct that travels as a
   * sub-chunk of its own (its inline fields, no sub-chunks).
   */
  default Optional<TypeDescription> ofSubChunk(TypeDescription parent, ChunkType code) {
    if (code.isReservedBitSet()) {
      return Optional.empty();
    }
    Optional<SubChunkField> field = parent.subChunk(code);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    if (field.get().declared()) {
      // The code means this struct under this parent only (SPEC §4).
      return Optional.of(
          new TypeDescription(code, field.get().className(), field.get().struct().fields(),
              List.of()));
    }
    String className = field.get().className();
    for (TypeDescription t : types()) {
      if (t.className().equals(className)) {
        return Optional.of(t);
      }
    }
    List<FieldDescription> struct = structs(types()).get(className);
    return struct == null
        ? Optional.empty()
        : Optional.of(new TypeDescription(code, className, struct, List.of()));
  }

  /** Every struct the fields of {@code types} use, at any depth, by class name. */
  static Map<String, List<FieldDescription>> structs(Collection<TypeDescription> types) {
    Map<String, List<FieldDescription>> out = new LinkedHashMap<>();
    for (TypeDescription t : types) {
      collect(t.fields(), out);
    }
    return out;
  }

  private static void collect(List<FieldDescription> fields, Map<String, List<FieldDescription>> out) {
    for (FieldDescription f : fields) {
      WireType w = f.wire();
      while (w instanceof WireType.Sequence s) {
        w = s.element();
      }
      if (w instanceof WireType.Struct s && out.putIfAbsent(s.className(), s.fields()) == null) {
        collect(s.fields(), out);
      }
    }
  }
}

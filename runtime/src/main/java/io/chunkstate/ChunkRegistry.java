package io.chunkstate;

import io.chunkstate.schema.TypeDescription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The codecs a reader or writer knows, by chunk type and by state class.
 *
 * <p>{@link #load()} finds every codec registered for {@link ServiceLoader} (the annotation
 * processor registers the codecs it generates); {@link #of(ChunkCodec...)} takes a fixed set. A
 * type code belongs to one codec and a state class to one codec: two codecs for one code or one
 * class are refused, and so is a codec for a code the format reserves ({@code CHDR}, {@code
 * CEND}, {@code dESc}) or whose reserved bit is set. A registry is immutable and may be shared
 * between threads.
 */
public final class ChunkRegistry {
  private final TreeMap<ChunkType, ChunkCodec<?>> byType;
  private final Map<Class<?>, ChunkCodec<?>> byClass;
  // The same codecs by type value, for a reader's lookup per chunk: no boxing, no ChunkType. An
  // open-addressing table at most half full; 0, which no type's four letters make, marks a free
  // slot.
  private final int[] typeValues;
  private final ChunkCodec<?>[] typeCodecs;
  private final int typeShift;
  private final boolean loaded;

  private ChunkRegistry(Iterable<? extends ChunkCodec<?>> codecs, boolean loaded) {
    this.loaded = loaded;
    TreeMap<ChunkType, ChunkCodec<?>> types = new TreeMap<>();
    Map<Class<?>, ChunkCodec<?>> classes = new HashMap<>();
    for (ChunkCodec<?> codec : codecs) {
      ChunkType type = codec.type();
      if (type.equals(ChunkType.CHDR)
          || type.equals(ChunkType.CEND)
          || type.equals(ChunkType.DESC)) {
        throw new IllegalStateException(
            codec.getClass().getName() + " claims " + type.code() + ", which the format reserves");
      }
      if (type.isReservedBitSet()) {
        throw new IllegalStateException(
            codec.getClass().getName() + " claims " + type.code()
                + ", whose reserved bit (third letter lowercase) is set");
      }
      ChunkCodec<?> previous = types.putIfAbsent(type, codec);
      if (previous != null) {
        throw new IllegalStateException(
            "two codecs for chunk type " + type.code() + ": " + previous.getClass().getName()
                + " and " + codec.getClass().getName());
      }
      ChunkCodec<?> sameClass = classes.putIfAbsent(codec.stateClass(), codec);
      if (sameClass != null) {
        throw new IllegalStateException(
            "two codecs for " + codec.stateClass().getName() + ": "
                + sameClass.getClass().getName() + " (" + sameClass.type().code() + ") and "
                + codec.getClass().getName() + " (" + type.code() + ")");
      }
    }
    this.byType = types;
    this.byClass = classes;
    int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(types.size()));
    this.typeValues = new int[1 << bits];
    this.typeCodecs = new ChunkCodec<?>[1 << bits];
    this.typeShift = 32 - bits;
    for (Map.Entry<ChunkType, ChunkCodec<?>> entry : types.entrySet()) {
      int at = slot(entry.getKey().value());
      while (typeValues[at] != 0) {
        at = (at + 1) & (typeValues.length - 1);
      }
      typeValues[at] = entry.getKey().value();
      typeCodecs[at] = entry.getValue();
    }
  }

  /** Where the table starts looking for {@code typeValue}. */
  private int slot(int typeValue) {
    return (typeValue * 0x9E3779B9) >>> typeShift;
  }

  /**
   * Every codec that {@link ServiceLoader} finds through the thread's context class loader. On the
   * module path, {@code ServiceLoader} sees only the codecs a module declares with {@code provides
   * io.chunkstate.ChunkCodec with ...}.
   *
   * @throws IllegalStateException if two codecs claim one type code or one class, a codec claims
   *     a reserved code or one whose reserved bit is set, or a services entry names a class that
   *     is missing, is no codec or cannot be created; the message names the classes
   */
  public static ChunkRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Every codec that {@link ServiceLoader} finds through {@code loader}.
   *
   * @throws IllegalStateException if two codecs claim one type code or one class, a codec claims
   *     a reserved code or one whose reserved bit is set, or a services entry names a class that
   *     is missing, is no codec or cannot be created; the message names the classes
   */
  @SuppressWarnings("rawtypes") // ServiceLoader cannot name the generic interface
  public static ChunkRegistry load(ClassLoader loader) {
    List<ChunkCodec<?>> codecs = new ArrayList<>();
    Iterator<ServiceLoader.Provider<ChunkCodec>> providers =
        ServiceLoader.load(ChunkCodec.class, loader).stream().iterator();
    while (true) {
      ServiceLoader.Provider<ChunkCodec> provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError e) {
        // A services entry whose class is missing or is no ChunkCodec: the error names it.
        throw brokenEntry(e.getMessage(), e);
      }
      String name;
      try {
        name = provider.type().getName();
      } catch (ServiceConfigurationError e) {
        throw brokenEntry(e.getMessage(), e);
      }
      try {
        codecs.add(provider.get());
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null
            ? e.getCause() : e;
        throw brokenEntry("codec " + name + " could not be created: " + cause, e);
      }
    }
    return new ChunkRegistry(codecs, true);
  }

  private static IllegalStateException brokenEntry(String detail, Throwable cause) {
    return new IllegalStateException(
        "a META-INF/services/io.chunkstate.ChunkCodec entry is broken: " + detail
            + "; rebuild the jar that lists it, or remove it from the class path",
        cause);
  }

  /**
   * Exactly these codecs.
   *
   * @throws IllegalStateException if two codecs claim one type code or one class, or a codec
   *     claims a reserved code or one whose reserved bit is set; the message names the classes
   */
  public static ChunkRegistry of(ChunkCodec<?>... codecs) {
    return new ChunkRegistry(List.of(codecs), false);
  }

  /**
   * The codec for {@code type}, if one is registered. Empty for a type whose reserved bit is set:
   * a reader treats such a chunk as unknown.
   */
  public Optional<ChunkCodec<?>> codecFor(ChunkType type) {
    if (type.isReservedBitSet()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byType.get(type));
  }

  /**
   * The codec for the type whose four bytes are {@code typeValue}, or null. Null for a type whose
   * reserved bit is set, as {@link #codecFor(ChunkType)} gives: no codec may claim one.
   */
  ChunkCodec<?> codecFor(int typeValue) {
    int at = slot(typeValue);
    while (true) {
      int found = typeValues[at];
      if (found == typeValue) {
        return typeCodecs[at]; // null for the free slot of a lookup of 0
      }
      if (found == 0) {
        return null;
      }
      at = (at + 1) & (typeValues.length - 1);
    }
  }

  /**
   * The refusal of a state of {@code stateClass}, which has no codec here: what the message says
   * to check depends on where the registry's codecs come from and where the class lives (a
   * module that does not provide its codec, or a class the processor did not see).
   */
  IllegalArgumentException noCodec(Class<?> stateClass) {
    return new IllegalArgumentException(
        MissingCodec.message(stateClass, loaded, byType.isEmpty()));
  }

  /** The codec for instances of exactly {@code stateClass}, if one is registered. */
  @SuppressWarnings("unchecked") // the map pairs each class with its own codec
  public <T> Optional<ChunkCodec<T>> codecFor(Class<T> stateClass) {
    return Optional.ofNullable((ChunkCodec<T>) byClass.get(stateClass));
  }

  /** The codec for instances of exactly {@code stateClass}, or null: the writer's lookup. */
  ChunkCodec<?> codecOf(Class<?> stateClass) {
    return byClass.get(stateClass);
  }

  /** Every registered codec, in the order of their type codes. */
  public List<ChunkCodec<?>> codecs() {
    return Collections.unmodifiableList(new ArrayList<>(byType.values()));
  }

  /**
   * The descriptions of every registered codec that has one ({@link ChunkCodec#description()}),
   * in the order of their type codes: what a {@code dESc} chunk, a pre-flight offer or a
   * compatibility check describes.
   */
  public List<TypeDescription> descriptions() {
    List<TypeDescription> descriptions = new ArrayList<>();
    for (ChunkCodec<?> codec : byType.values()) {
      codec.description().ifPresent(descriptions::add);
    }
    return Collections.unmodifiableList(descriptions);
  }

  /** One line per codec: code, properties, state class. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (ChunkCodec<?> codec : byType.values()) {
      out.append(codec.type().code())
          .append("  ")
          .append(codec.type().properties())
          .append("  ")
          .append(codec.stateClass().getName())
          .append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ChunkRegistry[");
    for (ChunkType type : byType.keySet()) {
      out.append(out.length() == 14 ? "" : ", ").append(type.code());
    }
    return out.append(']').toString();
  }
}

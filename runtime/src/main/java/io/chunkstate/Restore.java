package io.chunkstate;

import io.chunkstate.internal.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Restores a stream into the live objects of a running program, all or nothing: it reads and
 * checks the whole stream, decodes every chunk (running every constructor, setter and post-load
 * hook), matches every chunk to its target, checks that each can be applied, and only then changes
 * any target. If anything fails — a CRC, an unknown critical chunk, a refused value, a hook, a
 * critical chunk with no target — no target has changed.
 *
 * <pre>{@code
 * Restore restore = Restore.of(registry)
 *     .into(List.of(nic0, nic1, uart))              // mutable devices, restored in place
 *     .replacing(RngState.class, rng::swapState)    // an immutable record the device holds
 *     .optional(RngState.class);                    // no RNG chunk: the RNG keeps its state
 * Restore.Result result = restore.from(in);
 * }</pre>
 *
 * <p><b>Targets.</b> A mutable target is restored in place through its codec's {@link
 * ChunkCodec#apply}: nested mutable objects are updated, not replaced, and a device's references
 * to them stay valid. An immutable state (a record) cannot be updated: the caller says, per type,
 * where a new value goes, and that callback runs only after everything has been decoded and
 * checked.
 *
 * <p><b>Matching.</b> Chunks of a type whose codec names a {@linkplain ChunkCodec#key key} (a PCI
 * address, a port) match the target with the same key; chunks of a type without keys match its
 * targets in order. A chunk with no target fails the restore if its type is critical and is
 * reported in {@link Result#unmatched()} and left alone if it is ancillary. A target with no chunk
 * fails the restore, unless its type was declared {@linkplain #optional optional}: then it keeps
 * its state. Two chunks or two targets of one type with one key fail it. These are a {@link
 * RestoreException}, not a stream error.
 *
 * <p><b>What apply may do.</b> Apply runs after the point of no return: some targets may already
 * hold their new state when a later apply runs. So apply does not validate and must not fail.
 * Everything that can refuse a value — constructors, setters, post-load hooks, the checks of
 * {@link ChunkCodec#applyMismatch} — runs before it, on fresh objects; a setter must accept on a
 * live target what it accepted on a fresh one, and a replacing callback must only store the value
 * it is given.
 *
 * <p>A restore holds its targets and callbacks; it is immutable and may be used for several
 * streams, one at a time.
 */
public final class Restore {
  private final ChunkRegistry registry;
  private final List<Object> targets;
  private final Map<Class<?>, Consumer<Object>> replacing;
  private final Set<Class<?>> optional;
  private final ReadOptions options;

  private Restore(
      ChunkRegistry registry,
      List<Object> targets,
      Map<Class<?>, Consumer<Object>> replacing,
      Set<Class<?>> optional,
      ReadOptions options) {
    this.registry = registry;
    this.targets = targets;
    this.replacing = replacing;
    this.optional = optional;
    this.options = options;
  }

  /** A restore with no targets yet, decoding with the codecs of {@code registry}. */
  public static Restore of(ChunkRegistry registry) {
    return new Restore(
        Objects.requireNonNull(registry, "registry"),
        List.of(),
        Map.of(),
        Set.of(),
        ReadOptions.defaults());
  }

  /**
   * These mutable objects as targets, restored in place. Each needs a codec that can {@linkplain
   * ChunkCodec#canDecodeInto decode into} an instance.
   *
   * @throws IllegalArgumentException if a target has no codec, or one that cannot restore in
   *     place, or its type already goes to a {@link #replacing} callback, or it is a target
   *     already (the same object, given twice)
   */
  public Restore into(Collection<?> live) {
    List<Object> all = new ArrayList<>(targets);
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(targets);
    for (Object target : live) {
      Objects.requireNonNull(target, "target");
      if (!seen.add(target)) {
        throw new IllegalArgumentException(
            "the same " + target.getClass().getName() + " is a target twice: two chunks would be"
                + " restored into it, and the first one lost");
      }
      ChunkCodec<?> codec =
          registry
              .codecFor(target.getClass())
              .orElseThrow(() -> registry.noCodec(target.getClass()));
      if (replacing.containsKey(target.getClass())) {
        throw new IllegalArgumentException(
            target.getClass().getName() + " already goes to a replacing() callback");
      }
      if (!codec.canDecodeInto()) {
        throw new IllegalArgumentException(
            target.getClass().getName() + " cannot be restored in place (a record is"
                + " immutable): give the restore a callback for it with replacing()");
      }
      all.add(target);
    }
    return new Restore(registry, List.copyOf(all), replacing, optional, options);
  }

  /**
   * Where each decoded state of {@code type} goes: {@code apply} is called once per chunk of that
   * type, after the whole stream has been decoded and checked, for states the program cannot
   * update in place (records). It must not fail.
   *
   * @throws IllegalArgumentException if no codec is registered for {@code type}, or it already has
   *     targets restored in place
   */
  @SuppressWarnings("unchecked") // the callback is called with states of its own type only
  public <T> Restore replacing(Class<T> type, Consumer<? super T> apply) {
    Objects.requireNonNull(apply, "apply");
    registry
        .codecFor(type)
        .orElseThrow(() -> registry.noCodec(type));
    if (targets.stream().anyMatch(t -> t.getClass() == type)) {
      throw new IllegalArgumentException(
          type.getName() + " already has targets restored in place with into()");
    }
    Map<Class<?>, Consumer<Object>> all = new LinkedHashMap<>(replacing);
    all.put(type, (Consumer<Object>) apply);
    return new Restore(registry, targets, Map.copyOf(all), optional, options);
  }

  /**
   * Targets of {@code type} that no chunk restores keep their state, instead of failing the
   * restore: for state a source of an older version may not send.
   */
  public Restore optional(Class<?> type) {
    Set<Class<?>> all = new HashSet<>(optional);
    all.add(type);
    return new Restore(registry, targets, replacing, Set.copyOf(all), options);
  }

  /** Reads with these limits; {@link ReadOptions#defaults()} otherwise. */
  public Restore withOptions(ReadOptions readOptions) {
    return new Restore(
        registry, targets, replacing, optional, Objects.requireNonNull(readOptions, "options"));
  }

  /**
   * Reads and checks the whole stream from {@code in}, then restores it into the targets, all or
   * nothing.
   *
   * @throws ChunkStreamException for a stream that breaks the format, or a state that cannot be
   *     applied to its target; no target has changed
   * @throws RestoreException for chunks and targets that do not match; no target has changed
   * @throws IOException if {@code in} fails; no target has changed
   */
  public Result from(InputStream in) throws IOException, RestoreException {
    return from(StateReader.read(in, registry, options));
  }

  /**
   * Restores a stream already read and checked into the targets, all or nothing. The snapshot's
   * states then belong to the targets, which may share their arrays and lists: a snapshot is
   * restored once ({@link Snapshot#isRestored()}). A restore that fails leaves it as it was.
   *
   * @throws ChunkStreamException for a state that cannot be applied to its target
   * @throws RestoreException for chunks and targets that do not match
   * @throws IllegalStateException if the snapshot has been restored before
   */
  public Result from(Snapshot snapshot) throws ChunkStreamException, RestoreException {
    requireNotRestored(snapshot);
    List<Pending> applies = new ArrayList<>();
    List<Integer> unmatched = new ArrayList<>();
    Map<Class<?>, List<Integer>> chunksByClass = new LinkedHashMap<>();
    List<Object> states = snapshot.states();
    for (int i = 0; i < states.size(); i++) {
      chunksByClass.computeIfAbsent(states.get(i).getClass(), c -> new ArrayList<>()).add(i);
    }
    Map<Class<?>, List<Object>> targetsByClass = new LinkedHashMap<>();
    for (Object target : targets) {
      targetsByClass.computeIfAbsent(target.getClass(), c -> new ArrayList<>()).add(target);
    }
    Set<Class<?>> types = new LinkedHashSet<>(chunksByClass.keySet());
    types.addAll(targetsByClass.keySet());
    types.addAll(replacing.keySet());
    for (Class<?> type : types) {
      ChunkCodec<?> codec = registry.codecFor(type).orElseThrow();
      List<Integer> chunks = chunksByClass.getOrDefault(type, List.of());
      if (replacing.containsKey(type)) {
        if (chunks.isEmpty() && !optional.contains(type)) {
          throw new RestoreException(
              RestoreException.Kind.NO_CHUNK,
              codec.type(),
              null,
              "the stream holds no " + type.getName() + ", and the restore needs one");
        }
        for (int index : chunks) {
          applies.add(new Pending(codec, states.get(index), null, replacing.get(type), index));
        }
        continue;
      }
      match(
          codec,
          snapshot,
          chunks,
          targetsByClass.getOrDefault(type, List.of()),
          applies,
          unmatched);
    }
    // Every state is decoded and matched: check that each can be applied, before any is.
    for (Pending pending : applies) {
      pending.check(snapshot);
    }
    // The point of no return: apply does not fail (see the class's documentation).
    if (!snapshot.claimForRestore()) {
      requireNotRestored(snapshot); // another thread's restore took it first
    }
    for (Pending pending : applies) {
      pending.apply();
    }
    Collections.sort(unmatched);
    return new Result(unmatched.stream().map(states::get).toList(), snapshot.skipped());
  }

  private static void requireNotRestored(Snapshot snapshot) {
    if (snapshot.isRestored()) {
      throw new IllegalStateException(
          "the snapshot has been restored already, and its states belong to the targets it was"
              + " restored into; read the stream again to restore it a second time");
    }
  }

  /** Matches the chunks of one type to the mutable targets of that type. */
  private void match(
      ChunkCodec<?> codec,
      Snapshot snapshot,
      List<Integer> chunks,
      List<Object> live,
      List<Pending> applies,
      List<Integer> unmatched)
      throws RestoreException {
    List<Object> states = snapshot.states();
    boolean keyed =
        chunks.stream().anyMatch(i -> key(codec, states.get(i)) != null)
            || live.stream().anyMatch(t -> key(codec, t) != null);
    Map<Object, Object> targetsByKey = new LinkedHashMap<>();
    if (keyed) {
      for (Object target : live) {
        Object key = key(codec, target);
        if (targetsByKey.put(key, target) != null) {
          throw new RestoreException(
              RestoreException.Kind.DUPLICATE_KEY,
              codec.type(),
              key,
              "two targets of " + codec.stateClass().getName() + " have this key");
        }
      }
    }
    Set<Object> restored = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Object> keysSeen = new HashSet<>();
    for (int n = 0; n < chunks.size(); n++) {
      Object state = states.get(chunks.get(n));
      Object key = keyed ? key(codec, state) : null;
      if (keyed && !keysSeen.add(key)) {
        throw new RestoreException(
            RestoreException.Kind.DUPLICATE_KEY,
            codec.type(),
            key,
            "the stream holds two " + codec.type().code() + " chunks with this key, the second"
                + " at offset " + snapshot.offset(chunks.get(n)));
      }
      Object target = keyed ? targetsByKey.get(key) : (n < live.size() ? live.get(n) : null);
      if (target == null) {
        if (codec.type().isCritical()) {
          throw new RestoreException(
              RestoreException.Kind.NO_TARGET,
              codec.type(),
              key,
              "the critical chunk at offset " + snapshot.offset(chunks.get(n))
                  + " has no target, and its state cannot be ignored");
        }
        unmatched.add(chunks.get(n));
        continue;
      }
      restored.add(target);
      applies.add(new Pending(codec, state, target, null, chunks.get(n)));
    }
    if (!optional.contains(codec.stateClass())) {
      for (Object target : live) {
        if (!restored.contains(target)) {
          Object key = keyed ? key(codec, target) : null;
          throw new RestoreException(
              RestoreException.Kind.NO_CHUNK,
              codec.type(),
              key,
              "no chunk in the stream restores this " + codec.stateClass().getName()
                  + "; declare the type optional() if it may keep its state");
        }
      }
    }
  }

  @SuppressWarnings("unchecked") // the codec of the state's own class
  private static Object key(ChunkCodec<?> codec, Object state) {
    return ((ChunkCodec<Object>) codec).key(state);
  }

  /** One state to apply: in place to a target, or handed to a callback. */
  private static final class Pending {
    private final ChunkCodec<Object> codec;
    private final Object decoded;
    private final Object target;
    private final Consumer<Object> replacing;
    private final int index;

    @SuppressWarnings("unchecked") // the codec of the state's own class
    Pending(
        ChunkCodec<?> codec, Object decoded, Object target, Consumer<Object> replacing, int index) {
      this.codec = (ChunkCodec<Object>) codec;
      this.decoded = decoded;
      this.target = target;
      this.replacing = replacing;
      this.index = index;
    }

    void check(Snapshot snapshot) throws ChunkStreamException {
      if (target == null) {
        return;
      }
      String mismatch = codec.applyMismatch(decoded, target);
      if (mismatch != null) {
        throw Errors.data(snapshot.offset(index), codec.type().code(), mismatch);
      }
    }

    void apply() {
      if (target != null) {
        codec.apply(decoded, target);
      } else {
        replacing.accept(decoded);
      }
    }
  }

  /**
   * What a restore did not apply: known ancillary chunks that no target took, and unknown
   * ancillary chunks the reader skipped.
   *
   * @param unmatched decoded states of ancillary chunks with no target, in stream order
   * @param skipped the unknown ancillary chunks skipped at any depth
   */
  public record Result(List<Object> unmatched, List<SkippedChunk> skipped) {}
}

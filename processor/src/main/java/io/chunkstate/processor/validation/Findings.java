package io.chunkstate.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What checking one top-level type found: its problems, and whether it refers to a type not
 * generated yet, so that it waits for the next round (its problems then count only when it is
 * checked again). Every check of the type reports here.
 */
final class Findings {
  private final boolean lastRound;
  private List<Problem> problems = new ArrayList<>();
  private boolean deferred;

  /** @param lastRound whether no later round follows, so that nothing can be deferred */
  Findings(boolean lastRound) {
    this.lastRound = lastRound;
  }

  /** Starts on the next top-level type. */
  void begin() {
    problems = new ArrayList<>();
    deferred = false;
  }

  void report(Problem problem) {
    problems.add(problem);
  }

  /** The type waits for the next round, if there is one. */
  void defer() {
    if (!lastRound) {
      deferred = true;
    }
  }

  boolean deferred() {
    return deferred;
  }

  /** The problems found since {@link #begin}, in order. */
  List<Problem> problems() {
    return problems;
  }

  /**
   * Runs {@code part} of the type (a struct it embeds) as if nothing were deferred yet, to learn
   * whether the part itself waits; what was deferred before stays deferred.
   */
  <T> Part<T> part(Supplier<T> part) {
    boolean before = deferred;
    deferred = false;
    T result = part.get();
    Part<T> outcome = new Part<>(result, deferred);
    deferred |= before;
    return outcome;
  }

  /** What a part gave, and whether it waits for the next round. */
  record Part<T>(T result, boolean deferred) {}
}

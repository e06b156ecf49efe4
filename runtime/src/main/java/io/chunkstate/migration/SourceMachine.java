package io.chunkstate.migration;

import java.util.List;

/** What the source side of a migration needs from the running machine. */
public interface SourceMachine {
  /** The guest memory, sent in rounds while the machine runs and finished while it is paused. */
  GuestMemory memory();

  /**
   * The machine's device state, one object per top-level chunk, in the order it is written. Called
   * while the machine runs, to say in the pre-flight offer what will be sent (which critical
   * sub-chunks are in use), and once paused, for the switch-over.
   */
  List<?> deviceStates();

  /** Stops the machine: once this returns, neither its memory nor its devices change. */
  void pause();

  /** Restarts the machine after a switch-over that did not commit. */
  void resume();
}

package example;

import io.chunkstate.annotation.Chunk;

/** A mutable class: direct fields, JavaBeans properties, and fields that are not state. */
@Chunk("CoUn")
public class Counter {
  static int instances;

  long count;
  protected String name;
  private boolean enabled;
  private int[] history;
  transient Object cache;

  public Counter() {}

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int[] getHistory() {
    return history;
  }

  public void setHistory(int[] history) {
    this.history = history;
  }
}

package io.chunkstate.conformance;

import io.chunkstate.annotation.Chunk;
import java.util.Arrays;
import java.util.Objects;

/** A mutable class: one direct field, two JavaBeans properties, and state that does not travel. */
@Chunk("GaUg")
public class Gauge {
  static int created;

  double level;
  private String unit;
  private float[] history;
  transient int reads;

  public Gauge() {
    created++;
  }

  Gauge(double level, String unit, float[] history) {
    this.level = level;
    this.unit = unit;
    this.history = history;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public float[] getHistory() {
    return history;
  }

  public void setHistory(float[] history) {
    this.history = history;
  }

  /** Equal when every state field has the same bits: NaN payloads count. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Gauge)) {
      return false;
    }
    Gauge g = (Gauge) other;
    if (Double.doubleToRawLongBits(level) != Double.doubleToRawLongBits(g.level)
        || !Objects.equals(unit, g.unit)) {
      return false;
    }
    if (history == null || g.history == null) {
      return history == g.history;
    }
    if (history.length != g.history.length) {
      return false;
    }
    for (int i = 0; i < history.length; i++) {
      if (Float.floatToRawIntBits(history[i]) != Float.floatToRawIntBits(g.history[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, unit, Arrays.hashCode(history));
  }

  @Override
  public String toString() {
    return "Gauge[level=" + level + ", unit=" + unit + ", history=" + Arrays.toString(history) + "]";
  }
}

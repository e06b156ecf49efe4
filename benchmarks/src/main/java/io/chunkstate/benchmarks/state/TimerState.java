package io.chunkstate.benchmarks.state;

import io.chunkstate.annotation.Chunk;
import java.io.Serializable;

/** The device's timer: the sub-chunk of {@link DeviceState}. */
@Chunk("TmRS")
public record TimerState(long deadlineNanos, int periodNanos, boolean armed)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}

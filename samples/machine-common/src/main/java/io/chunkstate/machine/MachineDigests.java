package io.chunkstate.machine;

/**
 * The digests of a machine that does not run: {@code mem} of its guest memory, {@code dev} of its
 * device chunks (see {@link Digests}).
 */
public record MachineDigests(String mem, String dev) {
  /** The digests as the command line prints them: {@code mem=… dev=…}. */
  @Override
  public String toString() {
    return "mem=" + mem + " dev=" + dev;
  }
}

package io.chunkstate.machine;

import io.chunkstate.ChunkRegistry;

/**
 * One version of the machine: its name, the registry of its chunk types, and how its devices boot.
 * Each version declares its own {@code @Chunk} classes with the same type codes.
 */
public interface MachineModel {
  /** The name printed in logs and written as the producer of every message, as "machine-v1". */
  String name();

  /** The codecs of this version's device chunks. */
  ChunkRegistry registry();

  /** Whether this version has the optional feature that {@code --use-feature} turns on. */
  boolean hasFeature();

  /** The devices of a freshly booted machine, with the feature in use when {@code useFeature}. */
  Devices boot(boolean useFeature);
}

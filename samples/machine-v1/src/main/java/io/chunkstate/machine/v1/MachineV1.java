package io.chunkstate.machine.v1;

import io.chunkstate.machine.cli.MachineCommand;

/** {@code java -jar machine-v1.jar destination|source ...}: see docs/MIGRATION.md. */
public final class MachineV1 {
  private MachineV1() {}

  public static void main(String[] args) {
    MachineCommand.main(new V1Model(), args);
  }
}

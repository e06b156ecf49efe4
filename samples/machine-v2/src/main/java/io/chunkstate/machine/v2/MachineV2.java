package io.chunkstate.machine.v2;

import io.chunkstate.machine.cli.MachineCommand;

/** {@code java -jar machine-v2.jar destination|source ...}: see docs/MIGRATION.md. */
public final class MachineV2 {
  private MachineV2() {}

  public static void main(String[] args) {
    MachineCommand.main(new V2Model(), args);
  }
}

/**
 * The machine's command line, {@code destination} and {@code source}, which outside tools drive:
 * one class per subcommand, the exit codes in {@link io.chunkstate.machine.cli.ExitCodes}, only
 * the promised lines on standard output.
 */
package io.chunkstate.machine.cli;

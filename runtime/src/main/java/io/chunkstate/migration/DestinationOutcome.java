package io.chunkstate.migration;

/**
 * How a migration ended for its destination, which is never in doubt: it runs if and only if it
 * received an intact commit.
 *
 * @param running whether the destination machine was started
 * @param reason why it does not run (empty when it runs)
 * @param stats what moved
 */
public record DestinationOutcome(boolean running, String reason, MigrationStats stats) {}

package io.chunkstate.schema;

import io.chunkstate.ChunkType;
import java.util.Objects;

/**
 * One difference between two descriptions of a chunk type that the compatibility rules judge.
 *
 * @param severity whether the difference breaks a reader, or is only worth knowing
 * @param rule the rule's stable id, as {@code inline-field-retyped}
 * @param type the chunk type the difference is in
 * @param field the field at fault, as a path of names ({@code origin.x}); empty for the type
 * @param message what changed, in words
 * @param fix what to do instead; empty for a note that needs nothing
 */
public record Finding(
    Severity severity, String rule, ChunkType type, String field, String message, String fix) {
  /** How much a difference matters. */
  public enum Severity {
    /** A reader of one side misreads or refuses what the other side writes. */
    BREAKING,
    /** Nothing breaks, but someone should know. */
    NOTE
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  /** Whether this finding breaks a reader. */
  public boolean isBreaking() {
    return severity == Severity.BREAKING;
  }

  /** {@code BREAKING EtHs.rdtr [inline-field-moved]: … ; fix: …} on one line. */
  @Override
  public String toString() {
    return severity + " " + type.code() + (field.isEmpty() ? "" : "." + field) + " [" + rule
        + "]: " + message + (fix.isEmpty() ? "" : "; fix: " + fix);
  }
}

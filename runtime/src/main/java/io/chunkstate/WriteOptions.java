package io.chunkstate;

/**
 * How a {@link StateWriter} writes a stream. Immutable; each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * StateWriter writer = StateWriter.open(out, "my-vmm 2.1", registry,
 *     WriteOptions.defaults().withDescription(true));
 * }</pre>
 */
public final class WriteOptions {
  private static final WriteOptions DEFAULTS = new WriteOptions(false);

  private final boolean description;

  private WriteOptions(boolean description) {
    this.description = description;
  }

  /**
   * The defaults: no embedded description, as a migration stream wants it (the destination has
   * the classes, and the bytes count).
   */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Whether to embed, right after {@code CHDR}, an ancillary, public, safe-to-copy {@code dESc}
   * chunk describing every chunk type of the writer's registry whose codec has a description
   * (docs/DESC.md): a tool with no classes at all can then decode and print the stream, and a
   * reader can check the stream's inline layouts against its own. A reader that does not
   * understand {@code dESc} skips it. Snapshot files carry one by default.
   */
  public WriteOptions withDescription(boolean embed) {
    return embed == description ? this : new WriteOptions(embed);
  }

  /** Whether the stream embeds a {@code dESc} chunk. */
  public boolean description() {
    return description;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WriteOptions o && o.description == description;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(description);
  }

  @Override
  public String toString() {
    return "WriteOptions[description=" + description + "]";
  }
}

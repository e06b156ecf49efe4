package io.chunkstate.internal;

/**
 * A way in to what the runtime's packages offer one another but not their users (as the JDK's
 * {@code SharedSecrets}): the reader layer opens a field reader over a chunk it framed, which the
 * wire package's public API, made for generated codecs, does not offer. The wire package
 * registers the opener when its reader class is initialized.
 */
public final class Access {
  /** Opens a reader of type {@code R} over a top-level chunk of a stream. */
  @FunctionalInterface
  public interface Opener<R> {
    R open(Frame chunk, Scope scope);
  }

  private static volatile Opener<?> opener;

  private Access() {}

  /** Registers the wire package's opener. */
  public static void register(Opener<?> wireOpener) {
    opener = wireOpener;
  }

  /**
   * The opener of readers of class {@code readerClass}, which registers it when it is initialized.
   */
  @SuppressWarnings("unchecked") // the one registered opener opens readerClass
  public static <R> Opener<R> opener(Class<R> readerClass) {
    if (opener == null) {
      try {
        Class.forName(readerClass.getName(), true, readerClass.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return (Opener<R>) opener;
  }
}

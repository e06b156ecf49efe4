package io.chunkstate;

import java.lang.module.ModuleDescriptor;

/**
 * Why a registry has no codec for a class, and what to check: the message of a writer or a
 * restore that needs one. A generated codec reaches {@link ChunkRegistry#load()} by two roads —
 * the processor must generate it, and {@link java.util.ServiceLoader} must see it: through {@code
 * META-INF/services} on the class path, through the module's {@code provides} clause on the module
 * path — and the message names the one that fits where the class lives.
 */
final class MissingCodec {
  private static final String SERVICE = ChunkCodec.class.getName();

  private MissingCodec() {}

  /**
   * The message for {@code type}.
   *
   * @param loaded whether the registry comes from {@link ChunkRegistry#load()}, not {@link
   *     ChunkRegistry#of}
   * @param empty whether the registry holds no codec at all
   */
  static String message(Class<?> type, boolean loaded, boolean empty) {
    String codec = codecName(type);
    StringBuilder out = new StringBuilder("no codec is registered for ").append(type.getName());
    if (!loaded) {
      return out.append("; this registry holds only the codecs given to ChunkRegistry.of: add ")
          .append(codec)
          .append(", or use ChunkRegistry.load()")
          .toString();
    }
    if (empty) {
      out.append(" (ChunkRegistry.load() found no codec at all)");
    }
    Module module = type.getModule();
    ModuleDescriptor descriptor = module.getDescriptor();
    String clause = "'provides " + SERVICE + " with " + codec + ";'";
    String processor =
        "is " + type.getName() + " annotated @Chunk, and was the chunkstate processor on the"
            + " annotation processor path when it was compiled, so that it generated " + codec;
    if (module.isNamed() && descriptor != null && !provides(descriptor, codec)) {
      return out.append("; on the module path ServiceLoader sees only the codecs a module")
          .append(" provides, and module ")
          .append(module.getName())
          .append(" does not provide ")
          .append(codec)
          .append(": add ")
          .append(clause)
          .append(" to its module-info (the processor reports a missing clause as")
          .append(" chunk.module-provides); else, ")
          .append(processor)
          .append('?')
          .toString();
    }
    return out.append("; ")
        .append(processor)
        .append(" and listed it in META-INF/services/")
        .append(SERVICE)
        .append("? On the module path, its module must also declare ")
        .append(clause)
        .toString();
  }

  private static boolean provides(ModuleDescriptor descriptor, String codec) {
    return descriptor.provides().stream()
        .anyMatch(p -> p.service().equals(SERVICE) && p.providers().contains(codec));
  }

  /**
   * The name the processor gives the codec of {@code type} (SPEC §7): {@code p.FooChunkCodec},
   * {@code p.Outer_FooChunkCodec} for the nested {@code p.Outer.Foo}.
   */
  static String codecName(Class<?> type) {
    String pkg = type.getPackageName();
    String binary = type.getName();
    String simpleNames = pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + simpleNames.replace('$', '_') + "ChunkCodec";
  }
}

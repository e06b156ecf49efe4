package io.chunkstate.processor.model;

import java.util.List;

/**
 * The name of a class: its package and its simple names from the top-level class down, so that
 * {@code p.Outer.Inner} is {@code ("p", [Outer, Inner])}.
 */
public record JavaName(String packageName, List<String> simpleNames) {
  public JavaName {
    simpleNames = List.copyOf(simpleNames);
    if (simpleNames.isEmpty()) {
      throw new IllegalArgumentException("a class name needs at least one simple name");
    }
  }

  /** The name as written in source: {@code p.Outer.Inner}. */
  public String qualifiedName() {
    return prefix() + String.join(".", simpleNames);
  }

  /** The name the class loader knows: {@code p.Outer$Inner}. */
  public String binaryName() {
    return prefix() + String.join("$", simpleNames);
  }

  /** The innermost simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /**
   * The generated codec's name (SPEC §7): {@code p.FooChunkCodec} for {@code p.Foo}, {@code
   * p.Outer_FooChunkCodec} for {@code p.Outer.Foo}.
   */
  public JavaName codecName() {
    return new JavaName(packageName, List.of(String.join("_", simpleNames) + "ChunkCodec"));
  }

  /**
   * The name of the helper generated for a {@code @ChunkBase} class, in its package: {@code
   * p.FooChunkBase} for {@code p.Foo}, {@code p.Outer_FooChunkBase} for {@code p.Outer.Foo}.
   */
  public JavaName baseHelperName() {
    return new JavaName(packageName, List.of(String.join("_", simpleNames) + "ChunkBase"));
  }

  private String prefix() {
    return packageName.isEmpty() ? "" : packageName + ".";
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}

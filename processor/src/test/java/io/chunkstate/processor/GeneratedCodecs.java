package io.chunkstate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.chunkstate.ChunkCodec;
import io.chunkstate.ChunkStreamException;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Schemas compiled with the processor, warning-free under {@code -Xlint:all,-processing -Werror}
 * (the processor claims no annotation, which the processing lint would report), and their
 * classes, generated codecs included, loaded for a test to run.
 */
final class GeneratedCodecs {
  private final Compilation compilation;
  private final ClassLoader loader;

  private GeneratedCodecs(Compilation compilation, boolean assertions) {
    this.compilation = compilation;
    this.loader = new CompiledClasses(compilation, assertions);
  }

  /** Compiles {@code sources}; fails the test on any warning or error. */
  static GeneratedCodecs compile(List<JavaFileObject> sources) {
    Compilation compilation = Compilations.compile(sources, "-Xlint:all,-processing", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
    return new GeneratedCodecs(compilation, false);
  }

  /**
   * The same compilation's classes in a new class loader that enables {@code assert} in them, as
   * {@code java -ea} would.
   */
  GeneratedCodecs withAssertionsEnabled() {
    return new GeneratedCodecs(compilation, true);
  }

  /** One source file given as its lines. */
  static JavaFileObject source(String className, String... lines) {
    return JavaFileObjects.forSourceLines(className, lines);
  }

  Compilation compilation() {
    return compilation;
  }

  /** A compiled class by binary name. */
  Class<?> type(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The generated codec of the state class {@code binaryName}. */
  @SuppressWarnings("unchecked") // a codec for the class it names
  ChunkCodec<Object> codec(String binaryName) {
    Class<?> state = type(binaryName);
    String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '_');
    String packagePrefix = state.getPackageName().isEmpty() ? "" : state.getPackageName() + ".";
    try {
      return (ChunkCodec<Object>)
          type(packagePrefix + simple + "ChunkCodec").getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The value returned by the public static no-argument method {@code method} of {@code type}. */
  Object call(String type, String method) {
    try {
      return type(type).getMethod(method).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] encode(ChunkCodec<Object> codec, Object state) {
    WireWriter out = new WireWriter();
    codec.encode(state, out);
    return out.toByteArray();
  }

  static Object decode(ChunkCodec<Object> codec, byte[] data) throws ChunkStreamException {
    return codec.decode(WireReader.of(codec.type(), data));
  }

  /** Loads classes from the compilation's class output, and everything else from the tests'. */
  private static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation, boolean assertions) {
      super(GeneratedCodecs.class.getClassLoader());
      this.compilation = compilation;
      // Explicit either way, so that the JVM's own -ea (Surefire's default) decides nothing.
      setDefaultAssertionStatus(assertions);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file =
          compilation.generatedFile(
              StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
      if (file.isEmpty()) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.get().openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

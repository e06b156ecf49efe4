package io.chunkstate.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Another processor, as a compilation may hold: it generates one source file in the first round,
 * so that the types of that file reach the chunkstate processor only in the second.
 */
final class FirstRoundSource extends AbstractProcessor {
  private final String name;
  private final String text;
  private boolean done;

  /** Generates the type {@code name} from {@code text}. */
  FirstRoundSource(String name, String text) {
    this.name = name;
    this.text = text;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    try {
      JavaFileObject file = processingEnv.getFiler().createSourceFile(name);
      try (Writer out = file.openWriter()) {
        out.write(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}

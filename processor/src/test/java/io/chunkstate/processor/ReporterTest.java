package io.chunkstate.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chunkstate.processor.validation.Message;
import io.chunkstate.processor.validation.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Each message carries its kind, and the reporter prints it as that kind. */
class ReporterTest {

  @Test
  void everyMessageHasAKindACompilerReportsAsAProblem() {
    for (Message message : Message.values()) {
      assertThat(EnumSet.of(Diagnostic.Kind.ERROR, Diagnostic.Kind.WARNING))
          .contains(message.kind());
    }
  }

  @Test
  void theReporterPrintsEachProblemAsItsMessagesKind() {
    RecordingMessager messager = new RecordingMessager();
    Reporter reporter = new Reporter(messager);
    for (Message message : Message.values()) {
      reporter.report(new Problem(message, "[" + message.id() + "] found", null, null, null));
    }
    assertEquals(Message.values().length, messager.printed.size());
    for (int i = 0; i < Message.values().length; i++) {
      Message message = Message.values()[i];
      assertEquals(message.kind(), messager.printed.get(i).kind(), message.id());
      assertThat(messager.printed.get(i).text()).startsWith("[" + message.id() + "]");
    }
  }

  @Test
  void theReporterPrintsAFailureOfItsOwnAsTheInternalErrorsKind() {
    RecordingMessager messager = new RecordingMessager();
    new Reporter(messager).internalError(new IllegalStateException("boom"));
    assertEquals(1, messager.printed.size());
    assertEquals(Message.INTERNAL_ERROR.kind(), messager.printed.get(0).kind());
    assertThat(messager.printed.get(0).text()).startsWith("[chunk.internal-error]");
    assertThat(messager.printed.get(0).text()).contains("boom");
  }

  private record Printed(Diagnostic.Kind kind, String text) {}

  private static final class RecordingMessager implements Messager {
    final List<Printed> printed = new ArrayList<>();

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      printed.add(new Printed(kind, msg.toString()));
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      printMessage(kind, msg);
    }

    @Override
    public void printMessage(
        Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      printMessage(kind, msg);
    }

    @Override
    public void printMessage(
        Diagnostic.Kind kind,
        CharSequence msg,
        Element e,
        AnnotationMirror a,
        AnnotationValue v) {
      printMessage(kind, msg);
    }
  }
}

package io.chunkstate.processor;

import io.chunkstate.processor.validation.Message;
import io.chunkstate.processor.validation.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;

/**
 * Prints what validation found, and the processor's own failures, each as the kind of diagnostic
 * its {@link Message} names. The only place that talks to the {@link Messager}.
 */
final class Reporter {
  private final Messager messager;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  /**
   * Prints {@code problem} on its element, and for a bad type code on the annotation value; a
   * problem without an element, for the compilation as a whole.
   */
  void report(Problem problem) {
    if (problem.element() == null) {
      messager.printMessage(problem.message().kind(), problem.text());
      return;
    }
    messager.printMessage(
        problem.message().kind(),
        problem.text(),
        problem.element(),
        problem.annotation(),
        problem.value());
  }

  /** Prints an unexpected failure of the processor, with its stack trace, as {@code failure}. */
  void internalError(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    Message message = Message.INTERNAL_ERROR;
    messager.printMessage(message.kind(), message.format(failure, trace));
  }
}

package io.chunkstate.processor.generation;

import com.palantir.javapoet.JavaFile;
import io.chunkstate.processor.model.BaseModel;
import io.chunkstate.processor.model.ChunkModel;

/**
 * Turns a {@link ChunkModel} into the source of its codec: a straight line of writes for {@code
 * encode}; for {@code decode}, a straight line of checked reads into locals, the loop over
 * sub-chunks, then the state built in a {@code try} that turns its refusal into a {@code DATA}
 * error (each struct is read and built by a method of its own, so that its refusal names it); for
 * a class, {@code apply}, which copies a decoded instance into a live one. No I/O: the processor
 * writes the file.
 *
 * <p>{@link CodecNames} names what one codec holds, {@link CodecWriter} adds its members one by
 * one, {@link StateEncoder} and {@link StateDecoder} write the statements for a whole state,
 * {@link FieldEncoder} and {@link FieldDecoder} those for one value.
 */
public final class CodecGenerator {
  private final String generatorName;
  private final boolean generatedAnnotation;

  /**
   * @param generatorName the value of the {@code @Generated} annotation
   * @param generatedAnnotation whether to add {@code @Generated}: only when the compilation can
   *     see {@code javax.annotation.processing.Generated}
   */
  public CodecGenerator(String generatorName, boolean generatedAnnotation) {
    this.generatorName = generatorName;
    this.generatedAnnotation = generatedAnnotation;
  }

  /**
   * The codec source for {@code chunk}.
   *
   * @param javaLangShadowed whether the chunk's package holds a type named like one of {@code
   *     java.lang} (a {@code String}, an {@code Override}, a {@code Class}): such a type hides the
   *     {@code java.lang} one from every file of the package that does not import it, so the
   *     codec then imports the {@code java.lang} types it uses, as it imports all others
   */
  public JavaFile generate(ChunkModel chunk, boolean javaLangShadowed) {
    return new CodecWriter(new CodecNames(chunk))
        .write(generatedAnnotation ? generatorName : null, javaLangShadowed);
  }

  /**
   * The helper source for {@code base}, which the codecs of its subclasses call.
   *
   * @param javaLangShadowed whether the base's package holds a type named like one of {@code
   *     java.lang}
   */
  public JavaFile generateBase(BaseModel base, boolean javaLangShadowed) {
    return new BaseHelperWriter(base)
        .write(generatedAnnotation ? generatorName : null, javaLangShadowed);
  }
}

package io.chunkstate.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.chunkstate.processor.generation.CodecGenerator;
import io.chunkstate.processor.generation.Descriptions;
import io.chunkstate.processor.generation.RegistryJson;
import io.chunkstate.processor.generation.ServicesFile;
import io.chunkstate.processor.generation.UsedTypes;
import io.chunkstate.processor.model.BaseModel;
import io.chunkstate.processor.model.ChunkModel;
import io.chunkstate.processor.model.ClassModel;
import io.chunkstate.processor.model.JavaName;
import io.chunkstate.processor.validation.Annotations;
import io.chunkstate.processor.validation.BaselineCheck;
import io.chunkstate.processor.validation.Message;
import io.chunkstate.processor.validation.ModuleCheck;
import io.chunkstate.processor.validation.Problem;
import io.chunkstate.processor.validation.Report;
import io.chunkstate.processor.validation.Validator;
import io.chunkstate.schema.TypeDescription;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The chunkstate annotation processor: checks every {@code @Chunk} and {@code @ChunkStruct} type
 * against SPEC §6, generates a codec for each clean {@code @Chunk} type, and registers the codecs
 * in {@code META-INF/services/io.chunkstate.ChunkCodec} and {@code
 * META-INF/chunkstate/registry.json}. In a named module it also checks, once every codec exists,
 * that the module reads the runtime and provides every codec to {@code ServiceLoader}.
 *
 * <p>It never claims the annotations, so other processors see them too. Types that refer to types
 * not generated yet are kept by name and checked again in the next round. An unexpected failure
 * becomes an error diagnostic ({@code chunk.internal-error}), never a compiler crash.
 *
 * <p>Option {@value #BASELINE_OPTION}{@code =<registry.json>} turns on the compatibility gate
 * (docs/COMPATIBILITY.md): a change that breaks a reader of that baseline is an error, a note a
 * warning, unless {@value #BASELINE_NOTES_OPTION}{@code =silent}.
 *
 * <p>Option {@value #GENERATED_ANNOTATION_OPTION}{@code =false} leaves {@code @Generated} off the
 * generated codecs; without it they carry {@code @javax.annotation.processing.Generated} whenever
 * the compilation can see that annotation.
 */
@AutoService(Processor.class)
public class ChunkProcessor extends AbstractProcessor {
  /** The option that turns {@code @Generated} off. */
  public static final String GENERATED_ANNOTATION_OPTION = "chunkstate.generatedAnnotation";

  /** The option that names the baseline of the compatibility gate: a registry.json file. */
  public static final String BASELINE_OPTION = "chunkstate.baseline";

  /** The option that says what the gate does with notes: {@code warning} or {@code silent}. */
  public static final String BASELINE_NOTES_OPTION = "chunkstate.baseline.notes";

  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Set<String> deferred = new LinkedHashSet<>();
  private final Map<String, String> codeOwners = new HashMap<>();
  private final Map<String, String> codecOwners = new HashMap<>();
  private final Map<String, ChunkModel> generated = new TreeMap<>();
  private final Set<String> sourceBases = new HashSet<>();
  private final Set<String> generatedHelpers = new HashSet<>();
  private final Map<String, ClassModel> structs = new TreeMap<>();
  private final Map<String, SortedMap<String, String>> moduleCodecs = new TreeMap<>();
  private boolean schemaErrors;

  /** Creates the processor; javac finds it through {@link java.util.ServiceLoader}. */
  public ChunkProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new LinkedHashSet<>();
    supported.add(Annotations.CHUNK);
    supported.add(Annotations.CHUNK_STRUCT);
    supported.addAll(Annotations.RESTORE);
    supported.add(Annotations.WIRE_VALUE);
    supported.add(Annotations.CHUNK_BASE);
    return supported;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(GENERATED_ANNOTATION_OPTION, BASELINE_OPTION, BASELINE_NOTES_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        checkDeferredInLastRound();
        writeRegistration();
        checkModules();
        checkBaseline();
      } else {
        processRound(round);
      }
    } catch (RuntimeException | IOException e) {
      reporter().internalError(e);
    }
    return false;
  }

  private void processRound(RoundEnvironment round) throws IOException {
    List<TypeElement> chunkTypes = new ArrayList<>();
    List<TypeElement> structTypes = new ArrayList<>();
    takeDeferred(chunkTypes, structTypes);
    chunkTypes.addAll(annotated(round, Annotations.CHUNK));
    structTypes.addAll(annotated(round, Annotations.CHUNK_STRUCT));
    Map<String, Set<? extends Element>> restoreMembers = new TreeMap<>();
    List<String> memberAnnotations = new ArrayList<>(Annotations.RESTORE);
    memberAnnotations.addAll(Annotations.DECLARATIONS);
    memberAnnotations.add(Annotations.WIRE_VALUE);
    memberAnnotations.add(Annotations.CHUNK_BASE);
    for (String annotation : memberAnnotations) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type != null) {
        restoreMembers.put(annotation, round.getElementsAnnotatedWith(type));
      }
    }
    if (chunkTypes.isEmpty()
        && structTypes.isEmpty()
        && restoreMembers.values().stream().allMatch(Set::isEmpty)) {
      return;
    }
    for (Element base : restoreMembers.getOrDefault(Annotations.CHUNK_BASE, Set.of())) {
      if (base instanceof TypeElement type) {
        sourceBases.add(type.getQualifiedName().toString());
      }
    }
    Report report = validator(false).validate(chunkTypes, structTypes, restoreMembers);
    print(report);
    deferred.addAll(report.deferred());
    for (ClassModel struct : report.structs()) {
      structs.put(struct.name().binaryName(), struct);
    }
    CodecGenerator generator = new CodecGenerator(getClass().getName(), withGeneratedAnnotation());
    Map<String, Boolean> shadowing = new HashMap<>();
    for (Map.Entry<TypeElement, ChunkModel> chunk : report.chunks().entrySet()) {
      ChunkModel model = chunk.getValue();
      boolean javaLangShadowed =
          shadowing.computeIfAbsent(
              model.codecName().packageName(), p -> shadowsJavaLang(chunk.getKey()));
      JavaFile file = generate(generator, model, javaLangShadowed);
      JavaFileObject source =
          processingEnv
              .getFiler()
              .createSourceFile(
                  model.codecName().qualifiedName(), originatingElements(chunk.getKey(), model));
      try (Writer out = source.openWriter()) {
        file.writeTo(out);
      }
      generated.put(model.type().name().binaryName(), model);
      for (BaseModel base = model.base(); base != null; base = base.upper()) {
        writeHelper(generator, base, shadowing);
      }
      ModuleElement module = processingEnv.getElementUtils().getModuleOf(chunk.getKey());
      if (module != null && !module.isUnnamed()) {
        moduleCodecs
            .computeIfAbsent(module.getQualifiedName().toString(), m -> new TreeMap<>())
            .put(model.codecName().qualifiedName(), model.type().name().qualifiedName());
      }
    }
  }

  /**
   * Writes the helper of {@code base}, once per compilation: for a base of this compilation's
   * sources, always; for a base of an earlier compilation (a library), only when that compilation
   * did not write it (it was built without the processor), into the base's package.
   */
  private void writeHelper(CodecGenerator generator, BaseModel base, Map<String, Boolean> shadowing)
      throws IOException {
    String name = base.helperName().qualifiedName();
    String baseName = base.type().name().qualifiedName();
    var elements = processingEnv.getElementUtils();
    if (!generatedHelpers.add(name)
        || !sourceBases.contains(baseName) && elements.getTypeElement(name) != null) {
      return;
    }
    TypeElement baseType = elements.getTypeElement(baseName);
    boolean javaLangShadowed =
        shadowing.computeIfAbsent(base.helperName().packageName(), p -> shadowsJavaLang(baseType));
    JavaFile file = generator.generateBase(base, javaLangShadowed);
    List<Element> origins = new ArrayList<>();
    origins.add(baseType);
    for (JavaName used : UsedTypes.of(base.type()).all()) {
      addType(origins, used.qualifiedName());
    }
    JavaFileObject source =
        processingEnv.getFiler().createSourceFile(name, origins.toArray(new Element[0]));
    try (Writer out = source.openWriter()) {
      file.writeTo(out);
    }
  }

  /** The codec source for {@code model}. */
  JavaFile generate(CodecGenerator generator, ChunkModel model, boolean javaLangShadowed) {
    return generator.generate(model, javaLangShadowed);
  }

  /**
   * Whether the package of {@code type} holds a type named like one of {@code java.lang}, which
   * hides it from the package's files: a class {@code p.String} makes {@code String} mean {@code
   * p.String} in a codec of package {@code p}.
   */
  private boolean shadowsJavaLang(TypeElement type) {
    var elements = processingEnv.getElementUtils();
    for (Element member : elements.getPackageOf(type).getEnclosedElements()) {
      if (elements.getTypeElement("java.lang." + member.getSimpleName()) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * In the last round nothing more will be generated: types still waiting get their problems
   * reported. A type that still refers to a missing type gets no message of ours: javac reports
   * the missing type itself.
   */
  private void checkDeferredInLastRound() {
    if (deferred.isEmpty()) {
      return;
    }
    List<TypeElement> chunkTypes = new ArrayList<>();
    List<TypeElement> structTypes = new ArrayList<>();
    takeDeferred(chunkTypes, structTypes);
    print(validator(true).validate(chunkTypes, structTypes));
  }

  /** Looks the deferred types up again by name, in this round, and empties the list. */
  private void takeDeferred(List<TypeElement> chunkTypes, List<TypeElement> structTypes) {
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        (isChunk(type) ? chunkTypes : structTypes).add(type);
      }
    }
    deferred.clear();
  }

  private void writeRegistration() throws IOException {
    if (generated.isEmpty() && structs.isEmpty()) {
      return;
    }
    List<ChunkModel> chunks = RegistryJson.sortedChunks(List.copyOf(generated.values()));
    Element[] origins = registrationOrigins();
    if (!chunks.isEmpty()) {
      List<String> codecs = new ArrayList<>();
      for (ChunkModel chunk : chunks) {
        codecs.add(chunk.codecName().binaryName());
      }
      String services = ServicesFile.merge(existing(ServicesFile.PATH), codecs);
      write(ServicesFile.PATH, services, origins);
    }
    write(RegistryJson.PATH, RegistryJson.of(chunks, List.copyOf(structs.values())), origins);
  }

  /**
   * Rules 41 and 42: each named module that holds generated codecs, once every codec exists, and
   * only when the schema is clean (a broken type has no codec, so its module's clause would be
   * judged against codecs that are missing for another reason). Modules are looked up again by
   * name, in this round.
   */
  private void checkModules() {
    if (schemaErrors) {
      return;
    }
    ModuleCheck check =
        new ModuleCheck(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    Reporter reporter = reporter();
    for (Map.Entry<String, SortedMap<String, String>> codecs : moduleCodecs.entrySet()) {
      ModuleElement module = processingEnv.getElementUtils().getModuleElement(codecs.getKey());
      if (module != null) {
        for (Problem problem : check.check(module, codecs.getValue())) {
          reporter.report(problem);
        }
      }
    }
  }

  /**
   * The compatibility gate: with option {@value #BASELINE_OPTION}, this compilation's chunk types
   * against the baseline's, once every type is known.
   */
  private void checkBaseline() {
    String path = processingEnv.getOptions().get(BASELINE_OPTION);
    if (path == null) {
      return;
    }
    Reporter reporter = reporter();
    String notes = processingEnv.getOptions().getOrDefault(BASELINE_NOTES_OPTION, "warning");
    if (!notes.equals("warning") && !notes.equals("silent")) {
      reporter.report(
          Problem.of(
              Message.COMPAT_OPTION, BASELINE_NOTES_OPTION, notes, "'warning' or 'silent'"));
      return;
    }
    List<TypeDescription> baseline;
    try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      baseline = RegistryJson.read(in);
    } catch (IOException | InvalidPathException e) {
      String why =
          e instanceof NoSuchFileException ? "there is no such file" : String.valueOf(e.getMessage());
      reporter.report(Problem.of(Message.COMPAT_BASELINE, path, why));
      return;
    }
    Map<String, TypeDescription> current = new LinkedHashMap<>();
    for (ChunkModel chunk : RegistryJson.sortedChunks(List.copyOf(generated.values()))) {
      current.put(chunk.type().name().qualifiedName(), Descriptions.of(chunk));
    }
    BaselineCheck check = new BaselineCheck(processingEnv.getElementUtils());
    for (Problem problem : check.check(baseline, current, notes.equals("warning"))) {
      reporter.report(problem);
    }
  }

  private String existing(String path) {
    try {
      FileObject file =
          processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", path);
      return file.getCharContent(true).toString();
    } catch (IOException | IllegalArgumentException e) {
      return ""; // no earlier file
    }
  }

  private void write(String path, String text, Element[] origins) throws IOException {
    FileObject file =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
    try (Writer out = file.openWriter()) {
      out.write(text);
    }
  }

  /** Every type the registration files describe, looked up again by name in this round. */
  private Element[] registrationOrigins() {
    List<Element> origins = new ArrayList<>();
    for (ChunkModel chunk : generated.values()) {
      addType(origins, chunk.type().name().qualifiedName());
    }
    for (ClassModel struct : structs.values()) {
      addType(origins, struct.name().qualifiedName());
    }
    return origins.toArray(new Element[0]);
  }

  /**
   * The chunk type and every type whose declaration its codec depends on: the structs it embeds,
   * the enums whose constants it lists, the sub-chunk types whose codes it switches on.
   */
  private Element[] originatingElements(TypeElement chunk, ChunkModel model) {
    List<Element> origins = new ArrayList<>();
    origins.add(chunk);
    // The bases whose state the codec writes: a change to one regenerates it.
    for (TypeMirror up = chunk.getSuperclass(); up.getKind() == TypeKind.DECLARED; ) {
      TypeElement superclass = (TypeElement) ((DeclaredType) up).asElement();
      if (Annotations.has(superclass, Annotations.CHUNK_BASE)) {
        origins.add(superclass);
      }
      up = superclass.getSuperclass();
    }
    for (JavaName used : UsedTypes.of(model.type()).all()) {
      addType(origins, used.qualifiedName());
    }
    return origins.toArray(new Element[0]);
  }

  private void addType(List<Element> origins, String qualifiedName) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(qualifiedName);
    if (type != null && !origins.contains(type)) {
      origins.add(type);
    }
  }

  private Validator validator(boolean lastRound) {
    return new Validator(
        processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(),
        codeOwners,
        codecOwners,
        lastRound);
  }

  private void print(Report report) {
    Reporter reporter = reporter();
    for (Problem problem : report.problems()) {
      schemaErrors |= problem.message().kind() == Diagnostic.Kind.ERROR;
      reporter.report(problem);
    }
  }

  private Reporter reporter() {
    return new Reporter(processingEnv.getMessager());
  }

  private boolean withGeneratedAnnotation() {
    return !"false".equals(processingEnv.getOptions().get(GENERATED_ANNOTATION_OPTION))
        && processingEnv.getElementUtils().getTypeElement(GENERATED) != null;
  }

  private List<TypeElement> annotated(RoundEnvironment round, String annotation) {
    TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
    List<TypeElement> found = new ArrayList<>();
    if (annotationType != null) {
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        found.add((TypeElement) element);
      }
    }
    return found;
  }

  private static boolean isChunk(TypeElement type) {
    return Annotations.has(type, Annotations.CHUNK);
  }
}

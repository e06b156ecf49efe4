package io.chunkstate;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runtime's dependency rule (STYLE, "The runtime"): packages depend downwards only —
 * io.chunkstate, then wire, then framing, then internal — except that the SPI value types that
 * SPEC §7 keeps in {@code io.chunkstate} may be used from every package; the application classes
 * only from above them; the migration session sits on top of them all, and nothing depends on it;
 * and nothing leaves the JDK.
 */
@AnalyzeClasses(packages = "io.chunkstate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The types every package may use: SPEC §7's value types of the codec SPI. */
  private static final Set<String> SPI =
      Set.of(
          ChunkType.class.getName(),
          ChunkCodec.class.getName(),
          ChunkStreamException.class.getName(),
          ChunkStreamException.Kind.class.getName(),
          SkippedChunk.class.getName());

  private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> APPLICATION =
      describe(
          "the application classes of io.chunkstate (writer, reader, stream, snapshot, registry,"
              + " options)",
          type -> isApplication(type.getBaseComponentType()));

  private static boolean isApplication(JavaClass type) {
    return type.getPackageName().equals("io.chunkstate") && !SPI.contains(type.getName());
  }

  /** The rules below mean something only if this tells the two kinds of class apart. */
  @Test
  void theApplicationClassesAreToldFromTheSpi() {
    ClassFileImporter importer = new ClassFileImporter();
    for (Class<?> type : List.of(StateWriter.class, StateReader.class, StateStream.class,
        Snapshot.class, ChunkRegistry.class, ReadOptions.class)) {
      assertTrue(APPLICATION.test(importer.importClass(type)), type.getName());
    }
    for (Class<?> type : List.of(ChunkType.class, ChunkCodec.class, ChunkStreamException.class,
        ChunkStreamException.Kind.class, SkippedChunk.class)) {
      assertFalse(APPLICATION.test(importer.importClass(type)), type.getName());
    }
  }

  @ArchTest
  static final ArchRule lowerPackagesDoNotUseTheApplicationClasses =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.chunkstate.wire..",
              "io.chunkstate.framing..",
              "io.chunkstate.schema..",
              "io.chunkstate.internal..")
          .should()
          .dependOnClassesThat(APPLICATION);

  @ArchTest
  static final ArchRule nothingDependsOnTheMigrationSession =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.chunkstate.migration..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.chunkstate.migration..");

  @ArchTest
  static final ArchRule theSpiUsesNoApplicationClass =
      noClasses()
          .that(describe("the SPI value types", type -> SPI.contains(type.getName())))
          .should()
          .dependOnClassesThat(APPLICATION);

  @ArchTest
  static final ArchRule internalUsesNothingAboveIt =
      noClasses()
          .that()
          .resideInAPackage("io.chunkstate.internal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.chunkstate.wire..", "io.chunkstate.framing..", "io.chunkstate.schema..");

  @ArchTest
  static final ArchRule framingUsesNeitherWireNorSchema =
      noClasses()
          .that()
          .resideInAPackage("io.chunkstate.framing..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.chunkstate.wire..", "io.chunkstate.schema..");

  @ArchTest
  static final ArchRule wireUsesNoSchema =
      noClasses()
          .that()
          .resideInAPackage("io.chunkstate.wire..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.chunkstate.schema..");

  @ArchTest
  static final ArchRule theRuntimeDependsOnTheJdkAlone =
      noClasses()
          .that()
          .resideInAPackage("io.chunkstate..")
          .should()
          .dependOnClassesThat(
              describe(
                  "classes outside the JDK and the runtime",
                  type -> {
                    JavaClass base = type.getBaseComponentType();
                    return !base.isPrimitive()
                        && !base.getPackageName().startsWith("java.")
                        && !base.getPackageName().startsWith("io.chunkstate");
                  }));
}

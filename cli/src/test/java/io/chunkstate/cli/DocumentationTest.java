package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.chunkstate.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs shown in {@code docs/INSPECTOR.md} are the command's real ones: every {@code
 * console} block there starts with a {@code $ chunkstate ...} line, which this test runs (in a
 * folder of fixtures, in the order of the page) and whose output must equal the rest of the
 * block, byte for byte. After a deliberate change of the output, rewrite the blocks with {@code
 * mvn -B -o verify -pl cli -am -Dfuzz.skip -Dchunkstate.regenerate=true} and review the diff.
 *
 * <p>The fixtures: {@code machine.chk} (the samples' snapshot), {@code damaged.chk} (it with one
 * bit of {@code UaRt}'s data flipped), {@code xcsn0g01.png} (from the PngSuite), {@code
 * registry.json} and {@code samples.jar} (the samples' registry file, alone and in a jar), {@code
 * next.json} (it with {@code RtCc.selected} retyped and {@code UaRt.scratch} renamed). After
 * {@code --classpath}, {@code samples.jar} stands for the samples' real classes.
 */
class DocumentationTest {
  private static final Path PAGE = Paths.get("../docs/INSPECTOR.md");
  private static final String FENCE = "```";
  private static final String OPEN = FENCE + "console";
  private static final String PROMPT = "$ chunkstate ";

  @TempDir Path dir;

  private void fixtures() throws IOException {
    byte[] sample = Cli.sample();
    Cli.write(dir, "machine.chk", sample);
    byte[] damaged = sample.clone();
    damaged[Cli.topLevel(damaged, "UaRt") + 9] ^= 1;
    Cli.write(dir, "damaged.chk", damaged);
    Files.copy(SharedFiles.resolve("pngsuite").resolve("xcsn0g01.png"), dir.resolve("xcsn0g01.png"));
    Path registry = Cli.samplesRegistry(dir);
    try (OutputStream file = Files.newOutputStream(dir.resolve("samples.jar"));
        ZipOutputStream jar = new ZipOutputStream(file)) {
      ZipEntry entry = new ZipEntry(RegistryCommand.ENTRY);
      entry.setTime(0);
      jar.putNextEntry(entry);
      Files.copy(registry, jar);
      jar.closeEntry();
    }
    // The next release: RtCc's inline field retyped, UaRt's renamed in place.
    Cli.editedRegistry(dir, "next.json", root -> {
      JsonObject selected = Cli.field(Cli.chunk(root, "RtCc"), "selected");
      selected.addProperty("wire", "long");
      selected.addProperty("type", "long");
      Cli.field(Cli.chunk(root, "UaRt"), "scratch").addProperty("name", "scratchPad");
    });
  }

  /** Runs one {@code $ chunkstate} line in the fixtures folder; paths print as the page names them. */
  private String run(String commandLine) {
    String[] words = commandLine.substring(PROMPT.length()).trim().split(" +");
    List<String> args = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0 && words[i - 1].equals("--classpath") && w.equals("samples.jar")) {
        args.add(Cli.samplesClassPath().toString());
      } else if (i > 0 && !w.startsWith("-") && w.contains(".")) {
        args.add(dir.resolve(w).toString()); // a file name: machine.chk, registry.json
      } else {
        args.add(w);
      }
    }
    Cli.Result result = Cli.run(args.toArray(String[]::new));
    String prefix = dir.toString() + java.io.File.separator;
    return (result.out() + result.err()).replace(prefix, "")
        + (result.status() == 0 ? "" : "[exit status " + result.status() + "]\n");
  }

  @Test
  void theOutputsOnThePageAreTheCommandsOwn() throws IOException {
    fixtures();
    List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    List<String> regenerated = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      regenerated.add(line);
      if (!line.equals(OPEN)) {
        continue;
      }
      String command = lines.get(++i);
      assertTrue(command.startsWith(PROMPT), "a console block starts with " + PROMPT + ": " + command);
      regenerated.add(command);
      StringBuilder shown = new StringBuilder();
      while (!lines.get(++i).equals(FENCE)) {
        shown.append(lines.get(i)).append('\n');
      }
      String actual = run(command);
      actual.lines().forEach(regenerated::add);
      regenerated.add(FENCE);
      blocks++;
      if (!actual.contentEquals(shown)) {
        mismatches.add(command + "\n--- page\n" + shown + "--- actual\n" + actual);
      }
    }
    if (Boolean.getBoolean("chunkstate.regenerate")) {
      Files.write(PAGE, regenerated, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(blocks >= 8, "the page shows every subcommand");
    assertEquals(List.of(), mismatches, "regenerate with -Dchunkstate.regenerate=true");
  }
}

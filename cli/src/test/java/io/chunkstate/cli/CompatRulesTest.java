package io.chunkstate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code chunkstate compat} finds each compatibility rule's case (docs/COMPATIBILITY.md): the
 * samples' registry as the old release, and for each rule a new release made by one edit of it.
 */
class CompatRulesTest {
  @TempDir Path dir;

  private static JsonArray fields(JsonObject root, String code) {
    return Cli.chunk(root, code).getAsJsonArray("fields");
  }

  private static JsonObject sub(JsonObject root, String code, String name) {
    for (JsonElement s : Cli.chunk(root, code).getAsJsonArray("subChunks")) {
      if (s.getAsJsonObject().get("name").getAsString().equals(name)) {
        return s.getAsJsonObject();
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Arguments rule(String rule, boolean breaking, String where, Consumer<JsonObject> edit) {
    return Arguments.of(rule, breaking, where, edit);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("inline-field-added", true, "RtCc.hour", root -> {
          JsonObject hour = new JsonObject();
          hour.addProperty("name", "hour");
          hour.addProperty("wire", "byte");
          hour.addProperty("type", "byte");
          fields(root, "RtCc").add(hour);
        }),
        rule("inline-field-removed", true, "RtCc.selected", root -> fields(root, "RtCc").remove(1)),
        rule("inline-field-moved", true, "RtCc.cmos", root -> {
          JsonArray f = fields(root, "RtCc");
          JsonElement first = f.remove(0);
          f.add(first);
        }),
        rule("inline-field-retyped", true, "RtCc.selected", root -> {
          Cli.field(Cli.chunk(root, "RtCc"), "selected").addProperty("wire", "long");
        }),
        rule("inline-field-declaration", true, "RtCc.selected", root -> {
          Cli.field(Cli.chunk(root, "RtCc"), "selected").addProperty("unsigned", true);
        }),
        rule("inline-field-renamed", false, "RtCc.index", root -> {
          Cli.field(Cli.chunk(root, "RtCc"), "selected").addProperty("name", "index");
        }),
        rule("type-unknown", true, "RtCc", root -> {
          JsonArray chunks = root.getAsJsonArray("chunks");
          chunks.remove(Cli.chunk(root, "RtCc"));
        }),
        rule("type-moved", true, "RtCc", root -> Cli.chunk(root, "RtCc").addProperty("code", "RtCd")),
        rule("type-class", false, "RtCc", root -> Cli.chunk(root, "RtCc").addProperty("class", "p.Clock")),
        rule("enum-constant-removed", true, "PcIs.power", root -> {
          JsonArray constants = Cli.field(Cli.chunk(root, "PcIs"), "power").getAsJsonArray("constants");
          constants.remove(constants.size() - 1);
        }),
        rule("enum-value-removed", true, "EnIc.speed", root -> {
          JsonObject speed = Cli.field(Cli.chunk(root, "EnIc"), "speed");
          speed.getAsJsonArray("constants").remove(3);
          speed.getAsJsonArray("values").remove(3);
        }),
        rule("enum-value-changed", true, "EnIc.speed", root -> {
          Cli.field(Cli.chunk(root, "EnIc"), "speed").getAsJsonArray("values")
              .set(3, new JsonPrimitive(4));
        }),
        rule("enum-value-renamed", false, "EnIc.speed", root -> {
          Cli.field(Cli.chunk(root, "EnIc"), "speed").getAsJsonArray("constants")
              .set(3, new JsonPrimitive("GIGABIT"));
        }),
        rule("inline-field-retyped", true, "EnIc.speed", root -> {
          JsonObject speed = Cli.field(Cli.chunk(root, "EnIc"), "speed");
          speed.addProperty("wire", "enum<io.chunkstate.samples.machine.LinkSpeed>");
          speed.remove("values");
        }),
        rule("sub-chunk-code", true, "RtCc.alarm", root -> sub(root, "RtCc", "alarm").addProperty("code", "AlRn")),
        rule("sub-chunk-list", true, "RtCc.alarm", root -> sub(root, "RtCc", "alarm").addProperty("list", true)),
        rule("sub-chunk-unknown", true, "RtCc.alarm", root -> {
          Cli.chunk(root, "RtCc").getAsJsonArray("subChunks").remove(sub(root, "RtCc", "alarm"));
        }),
        rule("key", true, "PcIs", root -> Cli.chunk(root, "PcIs").remove("key")),
        rule("sub-chunk-declared", true, "FdCt.motorTimer",
            root -> sub(root, "FdCt", "motorTimer").remove("declared")),
        rule("inline-field-retyped", true, "FdCt.motorTimer.expiresNs", root -> {
          for (JsonElement struct : root.getAsJsonArray("structs")) {
            JsonObject entry = struct.getAsJsonObject();
            if (entry.get("class").getAsString().endsWith(".FloppyTimer")) {
              Cli.field(entry, "expiresNs").addProperty("wire", "int");
            }
          }
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRulesCaseIsFound(String rule, boolean breaking, String where, Consumer<JsonObject> edit)
      throws IOException {
    Path old = Cli.samplesRegistry(dir);
    Path next = Cli.editedRegistry(dir, "next.json", edit);
    Cli.Result r = Cli.run("compat", old.toString(), next.toString());
    assertEquals(breaking ? ExitCodes.PROBLEMS : ExitCodes.OK, r.status(), r.out() + r.err());
    String expected = (breaking ? "BREAKING " : "NOTE ") + where;
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith(expected) && l.contains("[" + rule + "]")),
        expected + " [" + rule + "] in:\n" + r.out());
  }
}
